package cn.childprotect.cms.escalations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Escalations extends JpaRepository<Escalation, Long> {

    boolean existsByKindAndSourceIdAndSourceDeadlineAndLevel(EscalationKind kind, long sourceId, Instant sourceDeadline,
            EscalationLevel level);

    java.util.Optional<Escalation> findByKindAndSourceIdAndSourceDeadlineAndLevel(EscalationKind kind, long sourceId,
            Instant sourceDeadline, EscalationLevel level);

    /**
     * The open (or acknowledged) items of a source, of every kind (index escalations_item_source);
     * callers keep the kinds they mean. No list parameter: Hibernate translates a query with one
     * anew on every call, and this runs on every case transition.
     */
    @Query("select e from Escalation e where e.sourceId = :sourceId and e.status <> 'RESOLVED'")
    List<Escalation> findUnresolvedBySourceId(@Param("sourceId") long sourceId);

    /** The sweep's look-up of what was raised already (index escalations_item_source). */
    List<Escalation> findBySourceIdIn(Collection<Long> sourceIds);

    List<Escalation> findByCaseIdAndStatusIn(long caseId, Collection<Escalation.Status> statuses);

    @Query("""
            select e from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
              and (:kind is null or e.kind = :kind)""")
    Page<Escalation> findOpenInScope(String scopePattern, Collection<EscalationLevel> levels, EscalationKind kind,
            Pageable page);

    @Query("""
            select e.kind, e.level, count(e) from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
            group by e.kind, e.level""")
    List<Object[]> countOpenInScope(String scopePattern, Collection<EscalationLevel> levels);

    /** Ids in ascending order, for a statistics rebuild. */
    @org.springframework.data.jpa.repository.Query("select x.id from Escalation x where x.id > :afterId order by x.id")
    List<Long> findIdsAfter(long afterId, org.springframework.data.domain.Pageable page);
}
