package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegisterEntries extends JpaRepository<RegisterEntry, Long> {

    /**
     * The escalation sweep's read after a (overdue instant, id) key: an index range on
     * {@code monitoring_entry_overdue (visit_overdue_at, id)}, oldest first.
     */
    @Query("""
            select e from RegisterEntry e where e.visitOverdueAt <= :now
              and (e.visitOverdueAt > :afterDeadline or (e.visitOverdueAt = :afterDeadline and e.id > :afterId))
            order by e.visitOverdueAt, e.id""")
    List<RegisterEntry> overdue(@Param("now") Instant now, @Param("afterDeadline") Instant afterDeadline,
            @Param("afterId") long afterId, Pageable page);

    @Query("select e from RegisterEntry e where e.childId = :childId and e.status <> :exited")
    List<RegisterEntry> openOfChild(@Param("childId") long childId, @Param("exited") RegisterStatus exited);

    List<RegisterEntry> findByCaseId(long caseId);

    @Query("select e from RegisterEntry e where e.villageCode like :scope and e.status in :statuses order by e.id")
    List<RegisterEntry> inForceInScope(@Param("scope") String scope,
            @Param("statuses") java.util.Collection<RegisterStatus> statuses, Pageable page);

    /** Entries whose exit review by age is due (an index range on the stored birthday). */
    @Query("select e from RegisterEntry e where e.ageReviewOn <= :today and e.status in :statuses order by e.ageReviewOn")
    List<RegisterEntry> ageReviewDue(@Param("today") java.time.LocalDate today,
            @Param("statuses") java.util.Collection<RegisterStatus> statuses, Pageable page);

    @Query("select e from RegisterEntry e where e.tierReviewOn <= :today and e.status in :statuses order by e.tierReviewOn")
    List<RegisterEntry> tierReviewDue(@Param("today") java.time.LocalDate today,
            @Param("statuses") java.util.Collection<RegisterStatus> statuses, Pageable page);

    List<RegisterEntry> findByChildIdIn(java.util.Collection<Long> childIds);

    /** Ids in ascending order, for a statistics rebuild. */
    @Query("select e.id from RegisterEntry e where e.id > :afterId order by e.id")
    List<Long> findIdsAfter(@Param("afterId") long afterId, Pageable page);
}
