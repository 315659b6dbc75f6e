package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Cases extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {

    Optional<CaseFile> findByCaseNumber(String caseNumber);

    List<CaseFile> findByChildIdIn(Collection<Long> childIds);

    Optional<CaseFile> findFirstByChildIdAndStatusInOrderByIdDesc(long childId, Collection<CaseStatus> statuses);

    /** The sweep's query: an index range scan on the stored deadline, so its cost follows the overdue count. */
    @Query("""
            select new cn.childprotect.cms.cases.OverdueCase(c.id, c.villageCode, c.status, c.statusDeadline)
            from CaseFile c where c.statusDeadline < :now
              and (c.statusDeadline > :afterDeadline or (c.statusDeadline = :afterDeadline and c.id > :afterId))
            order by c.statusDeadline, c.id""")
    List<OverdueCase> findOverdueRows(Instant now, Instant afterDeadline, long afterId, Pageable page);

    /** Several cases with their categories in one query (the statistics drain's batch). */
    @Query("select distinct c from CaseFile c left join fetch c.categories where c.id in :ids")
    List<CaseFile> findWithCategoriesByIdIn(Collection<Long> ids);

    @Query("select c.id from CaseFile c where c.id > :afterId order by c.id")
    List<Long> findIdsAfter(long afterId, Pageable page);

    /** Case numbers of several cases in one query (the escalation queue's page). */
    @Query("select c.id, c.caseNumber from CaseFile c where c.id in :ids")
    List<Object[]> findCaseNumbers(Collection<Long> ids);

    /**
     * Which of the given cases lie in a scope and, when an assignee is given, are assigned to it:
     * {@link CasePermissions#works} as one query for a page of another module's list.
     */
    @Query("""
            select c.id from CaseFile c where c.id in :ids and c.villageCode like :scopePattern
              and (:assignee is null or c.assignee = :assignee)""")
    List<Long> findWorkedAmong(Collection<Long> ids, String scopePattern, String assignee);
}
