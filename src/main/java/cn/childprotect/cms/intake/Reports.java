package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Reports extends JpaRepository<Report, Long> {

    /**
     * The reports an account filed, newest first: one row more than the page (Slice), no count;
     * read in order from intake_report_submitter (submitted_by, received_at, id).
     */
    @Query("select r from Report r where r.submittedBy = :submittedBy")
    Slice<Report> findBySubmittedBy(String submittedBy, Pageable page);

    /** The same rows' ids, for a capped count: asked with an offset of the cap and a size of one. */
    @Query("select r.id from Report r where r.submittedBy = :submittedBy")
    List<Long> probeBySubmittedBy(String submittedBy, Pageable page);

    long countBySubmittedBy(String submittedBy);

    /**
     * The reports of a scope, newest first: one row more than the page (Slice), no count; read in
     * order from intake_report_received (received_at, id, village_code), the scope checked in the
     * index (V8_18_1).
     */
    @Query("select r from Report r where r.villageCode like :scopePattern")
    Slice<Report> findInScope(String scopePattern, Pageable page);

    /** The same rows' ids, for a capped count (intake_report_village, index only). */
    @Query("select r.id from Report r where r.villageCode like :scopePattern")
    List<Long> probeInScope(String scopePattern, Pageable page);

    @Query("select count(r) from Report r where r.villageCode like :scopePattern")
    long countInScope(String scopePattern);

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

    /** Several reports with their categories in one query, for the statistics drain. */
    @Query("select distinct r from Report r left join fetch r.categories where r.id in :ids")
    List<Report> findWithCategoriesByIdIn(java.util.Collection<Long> ids);

    /**
     * For the statistics of several cases in one query: each case's reports (channel, reporter
     * institution type, receipt), in the order of their ids, so the first of a case comes first.
     */
    @Query("""
            select r.caseId, r.channel, r.reporterInstitutionType, r.receivedAt from Report r
            where r.caseId in :caseIds order by r.id""")
    List<Object[]> findStatsFactsOfCases(java.util.Collection<Long> caseIds);

    /** Report ids in ascending order, for a statistics rebuild. */
    @Query("select r.id from Report r where r.id > :afterId order by r.id")
    List<Long> findIdsAfter(long afterId, Pageable page);
}
