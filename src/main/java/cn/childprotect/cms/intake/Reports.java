package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Reports extends JpaRepository<Report, Long> {

    Page<Report> findBySubmittedBy(String submittedBy, Pageable page);

    @Query("select r from Report r where r.villageCode like :scopePattern")
    Page<Report> findInScope(String scopePattern, Pageable page);

    List<Report> findByCaseIdOrderById(long caseId);

    /** History of involvement: the reports of a child and its family (index on child_id, received_at). */
    List<Report> findByChildIdInOrderByReceivedAtDesc(java.util.Collection<Long> childIds);

    long countByCaseId(long caseId);

    /** For a page of the triage list: channel and duplicate flag of each case's reports, one query. */
    @Query("""
            select r.caseId, r.channel, r.possibleDuplicate from Report r where r.caseId in :caseIds order by r.id""")
    List<Object[]> findIntakeFactsOfCases(java.util.Collection<Long> caseIds);

    Optional<Report> findFirstByCaseIdOrderByReceivedAtDesc(long caseId);

    /** The escalation sweep's query: an index range scan on the stored police deadline. */
    @Query("""
            select r from Report r where r.policeDeadline < :now
              and (r.policeDeadline > :afterDeadline or (r.policeDeadline = :afterDeadline and r.id > :afterId))
            order by r.policeDeadline, r.id""")
    List<Report> findPoliceNotificationOverdue(Instant now, Instant afterDeadline, long afterId, Pageable page);

    /** Report ids in ascending order, for a statistics rebuild. */
    @Query("select r.id from Report r where r.id > :afterId order by r.id")
    List<Long> findIdsAfter(long afterId, Pageable page);
}
