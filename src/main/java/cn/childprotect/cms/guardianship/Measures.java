package cn.childprotect.cms.guardianship;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Measures extends JpaRepository<Measure, Long> {

    List<Measure> findByCaseIdOrderById(long caseId);

    List<Measure> findByCaseIdIn(java.util.Collection<Long> caseIds);

    boolean existsByCaseIdAndEndedFalse(long caseId);

    /**
     * The escalation sweep's read after a (deadline, id) key: an index range on
     * {@code guardianship_measure_due (next_deadline_at, id)}, oldest first.
     */
    @Query("""
            select m from Measure m where m.nextDeadlineAt < :now
              and (m.nextDeadlineAt > :afterDeadline or (m.nextDeadlineAt = :afterDeadline and m.id > :afterId))
            order by m.nextDeadlineAt, m.id""")
    List<Measure> findOverdue(Instant now, Instant afterDeadline, long afterId, Pageable page);

    /** A scope's measures (village code prefix pattern), filtered, newest first. */
    @Query("""
            select m from Measure m where m.villageCode like :villages
              and (:type is null or m.type = :type)
              and (:status is null or m.status = :status)
              and (:overdueBefore is null or m.nextDeadlineAt < :overdueBefore)
            order by m.id desc""")
    List<Measure> findInScope(String villages, MeasureType type, MeasureStatus status, Instant overdueBefore,
            Pageable page);

    /** Active protection orders and placements of a scope (the supervisor's list), by end date. */
    @Query("""
            select m from Measure m where m.villageCode like :villages and m.ended = false
              and m.type in :types order by m.validUntil, m.id""")
    List<Measure> findActive(String villages, List<MeasureType> types, Pageable page);

    /** Ids in ascending order, for a statistics rebuild. */
    @Query("select m.id from Measure m where m.id > :afterId order by m.id")
    List<Long> findIdsAfter(long afterId, Pageable page);
}
