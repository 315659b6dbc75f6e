package cn.childprotect.cms.escalations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Slice;
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

    /**
     * A page of the queue: one row more than the page (Slice), no count. Read through
     * escalations_item_queue (status, village_code, …): the open items of the scope, not the
     * resolved history, are sorted.
     */
    @Query("""
            select e from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
              and (:kind is null or e.kind = :kind)""")
    Slice<Escalation> findOpenInScope(String scopePattern, Collection<EscalationLevel> levels, EscalationKind kind,
            Pageable page);

    /** The same rows' ids, for a capped count: asked with an offset of the cap and a size of one. */
    @Query("""
            select e.id from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
              and (:kind is null or e.kind = :kind)""")
    List<Long> probeOpenInScope(String scopePattern, Collection<EscalationLevel> levels, EscalationKind kind,
            Pageable page);

    @Query("""
            select count(e) from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
              and (:kind is null or e.kind = :kind)""")
    long countOpenInScope(String scopePattern, Collection<EscalationLevel> levels, EscalationKind kind);

    @Query("""
            select e.kind, e.level, count(e) from Escalation e
            where e.villageCode like :scopePattern and e.status <> 'RESOLVED' and e.level in :levels
            group by e.kind, e.level""")
    List<Object[]> countOpenInScope(String scopePattern, Collection<EscalationLevel> levels);

    /** Ids in ascending order, for a statistics rebuild. */
    @org.springframework.data.jpa.repository.Query("select x.id from Escalation x where x.id > :afterId order by x.id")
    List<Long> findIdsAfter(long afterId, org.springframework.data.domain.Pageable page);
}
