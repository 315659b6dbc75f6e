package cn.childprotect.cms.escalations;

import cn.childprotect.cms.escalations.events.EscalationsRaisedOnCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.escalations.events.EscalationsRaised;
import cn.childprotect.cms.escalations.events.EscalationsResolvedWithCase;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlinesMissed;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalations module's facade: the supervisors' review queue (scoped: a township supervisor
 * sees township-level items of their township, a county supervisor every item in the county),
 * acknowledging and resolving items, and raising/resolving them for the sweep and the triggers.
 */
@Service
@Transactional
public class EscalationDesk {

    static final Set<Escalation.Status> OPEN = EnumSet.of(Escalation.Status.OPEN, Escalation.Status.ACKNOWLEDGED);

    private final Escalations escalations;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final org.springframework.context.MessageSource messages;

    EscalationDesk(Escalations escalations, CaseFiles caseFiles, Jurisdictions jurisdictions,
            ApplicationEventPublisher events, BusinessTime time, org.springframework.jdbc.core.JdbcTemplate jdbc,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.escalations = escalations;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.events = events;
        this.time = time;
        this.jdbc = jdbc;
    }

    // --- the queue --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<EscalationView> queue(CurrentUser user, EscalationKind kind, EscalationLevel level, int page, int size) {
        Set<EscalationLevel> levels = visibleLevels(user);
        if (level != null) {
            levels = levels.contains(level) ? EnumSet.of(level) : EnumSet.noneOf(EscalationLevel.class);
        }
        if (levels.isEmpty()) {
            return Page.empty();
        }
        String scope = user.scope().likePattern();
        Set<EscalationLevel> asked = levels;
        PageRequest request = PageRequest.of(page, size,
                Sort.by(Sort.Direction.DESC, "severity").and(Sort.by("raisedAt")).and(Sort.by("id")));
        Slice<Escalation> items = escalations.findOpenInScope(scope, asked, kind, request);
        // no count of the whole scope: exact on the last page, else counted up to CappedTotal.CAP
        long total = CappedTotal.of(items,
                () -> !escalations.probeOpenInScope(scope, asked, kind, PageRequest.of(CappedTotal.CAP, 1)).isEmpty(),
                () -> escalations.countOpenInScope(scope, asked, kind));
        // the page's case numbers in one query, not one look-up per item (issue 19)
        Map<Long, String> caseNumbers = caseFiles.caseNumbers(items.stream().map(Escalation::caseId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        Map<String, String> villages = new java.util.HashMap<>();
        return new PageImpl<>(items.map(e -> view(e, caseNumbers, villages)).getContent(), request, total);
    }

    /** Open items by kind and level in the caller's scope, for the dashboard. */
    @Transactional(readOnly = true)
    public Map<String, Object> summary(CurrentUser user) {
        Map<EscalationKind, Map<EscalationLevel, Long>> byKind = new EnumMap<>(EscalationKind.class);
        long total = 0;
        for (Object[] row : escalations.countOpenInScope(user.scope().likePattern(), visibleLevels(user))) {
            long n = (Long) row[2];
            byKind.computeIfAbsent((EscalationKind) row[0], k -> new EnumMap<>(EscalationLevel.class))
                    .put((EscalationLevel) row[1], n);
            total += n;
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        byKind.forEach((k, levels) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", k.name());
            entry.put("label", k.label());
            entry.put("township", levels.getOrDefault(EscalationLevel.TOWNSHIP, 0L));
            entry.put("county", levels.getOrDefault(EscalationLevel.COUNTY, 0L));
            kinds.add(entry);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("openTotal", total);
        result.put("byKind", kinds);
        return result;
    }

    public EscalationView acknowledge(long id, CurrentUser user) {
        Escalation e = visible(id, user);
        e.acknowledge(user.username(), time.now());
        events.publishEvent(AuditEvent.success(user.username(), "ESCALATION_ACKNOWLEDGED", "ESCALATION", id));
        return view(e);
    }

    public EscalationView resolve(long id, String note, CurrentUser user) {
        if (note == null || note.isBlank()) {
            throw Refusal.invalidField("note", "escalation.refusal.note-required");
        }
        Escalation e = visible(id, user);
        e.resolve(user.username(), time.now(), note);
        escalations.save(e);
        events.publishEvent(AuditEvent.success(user.username(), "ESCALATION_RESOLVED", "ESCALATION", id));
        return view(e);
    }

    // --- raising and resolving -------------------------------------------------------------------------

    /** Raises the item unless it exists; the unique key settles races between instances. */
    boolean raise(EscalationKind kind, long sourceId, Instant deadline, EscalationLevel level, Long caseId,
            String villageCode) {
        if (escalations.existsByKindAndSourceIdAndSourceDeadlineAndLevel(kind, sourceId, deadline, level)) {
            return false;
        }
        escalations.saveAndFlush(new Escalation(kind, sourceId, deadline, level, caseId, villageCode, time.now()));
        if (level == EscalationLevel.TOWNSHIP && kind.isMissedDeadline()) {
            events.publishEvent(new DeadlinesMissed(List.of(new MissedDeadline(kind.name(), sourceId, deadline, caseId,
                    villageCode))));
        }
        return true;
    }

    /** An item as the sweep needs to know it: is it open, and since when. */
    record ItemState(long id, boolean open, Instant raisedAt) {
    }

    /** The items already raised for these misses, by (kind, source, deadline, level); one query per 1,000 sources. */
    Map<ItemKey, ItemState> existingItems(List<Miss> misses) {
        Map<ItemKey, ItemState> found = new java.util.HashMap<>();
        List<Long> sources = misses.stream().map(Miss::sourceId).distinct().toList();
        for (int from = 0; from < sources.size(); from += 1_000) {
            for (Escalation e : escalations.findBySourceIdIn(sources.subList(from, Math.min(sources.size(), from + 1_000)))) {
                found.put(new ItemKey(e.kind(), e.sourceId(), e.sourceDeadline(), e.level()),
                        new ItemState(e.id(), e.isOpen(), e.raisedAt()));
            }
        }
        return found;
    }

    /**
     * Raises items for many misses at one level in the caller's transaction: one JDBC batch of
     * items, one query for their ids, one event for the cases' timelines (one batch), then one event (one
     * outbox entry for the chunk); at the township level also {@link DeadlinesMissed} (the moment a miss becomes
     * known, e.g. to the statistics). The unique key still decides: if another instance raised one of them first, the
     * batch fails as a whole and the caller raises that chunk one by one ({@link #raise}).
     */
    List<Long> raiseAll(List<Miss> misses, EscalationLevel level) {
        if (misses.isEmpty()) {
            return List.of();
        }
        Instant now = time.now();
        java.time.LocalDateTime raisedAt = utc(now);
        jdbc.batchUpdate("insert into escalations_item (kind, source_id, source_deadline, level, case_id, village_code, "
                + "severity, status, raised_at, version) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0)", misses, 500,
                (ps, m) -> {
                    ps.setString(1, m.kind().name());
                    ps.setLong(2, m.sourceId());
                    ps.setObject(3, utc(m.deadline()));
                    ps.setString(4, level.name());
                    ps.setObject(5, m.caseId());
                    ps.setString(6, m.villageCode());
                    ps.setInt(7, m.kind().severity() + (level == EscalationLevel.COUNTY ? 10 : 0));
                    ps.setObject(8, raisedAt);
                });
        Map<ItemKey, ItemState> ids = existingItems(misses);
        List<Long> raised = new ArrayList<>();
        List<EscalationsRaisedOnCases.Item> onCases = new ArrayList<>();
        for (Miss m : misses) {
            long id = ids.get(new ItemKey(m.kind(), m.sourceId(), m.deadline(), level)).id();
            raised.add(id);
            if (m.caseId() != null) {
                onCases.add(new EscalationsRaisedOnCases.Item(id, m.caseId(), m.kind(), level));
            }
        }
        events.publishEvent(new EscalationsRaisedOnCases(List.copyOf(onCases)));
        events.publishEvent(new EscalationsRaised(List.copyOf(raised)));
        if (level == EscalationLevel.TOWNSHIP) {
            List<MissedDeadline> missed = misses.stream().filter(m -> m.kind().isMissedDeadline())
                    .map(m -> new MissedDeadline(m.kind().name(), m.sourceId(), m.deadline(), m.caseId(), m.villageCode()))
                    .toList();
            if (!missed.isEmpty()) {
                events.publishEvent(new DeadlinesMissed(missed));
            }
        }
        return raised;
    }

    private static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** Whether the township item of a miss is still open and older than the grace period. */
    boolean townshipItemOverdue(Miss miss, Duration grace) {
        return escalations.findByKindAndSourceIdAndSourceDeadlineAndLevel(miss.kind(), miss.sourceId(), miss.deadline(),
                EscalationLevel.TOWNSHIP).filter(Escalation::isOpen)
                .filter(e -> !e.raisedAt().plus(grace).isAfter(time.now())).isPresent();
    }

    /** Resolves the open items of these kinds for a source: their cause is gone. */
    int resolveAutomatically(Set<EscalationKind> kinds, long sourceId, Reason why) {
        int n = 0;
        for (Escalation e : escalations.findUnresolvedBySourceId(sourceId)) {
            if (!kinds.contains(e.kind()) || !OPEN.contains(e.status())) {
                continue;
            }
            e.resolveAutomatically(time.now(), why);
            escalations.save(e);
            n++;
        }
        return n;
    }

    /** A closed case needs no more attention: every open item of it is resolved. */
    int resolveAllOfCase(long caseId, Reason why) {
        List<Long> resolved = new ArrayList<>();
        for (Escalation e : escalations.findByCaseIdAndStatusIn(caseId, OPEN)) {
            e.resolveWithCase(time.now(), why);
            resolved.add(e.id());
        }
        if (!resolved.isEmpty()) {
            events.publishEvent(new EscalationsResolvedWithCase(caseId, List.copyOf(resolved)));
        }
        return resolved.size();
    }

    /**
     * The open items of a case (raised, acknowledged) for its case file; only for someone who
     * works the case. Not audited: the case file audits its read as a whole (CASE_READ).
     */
    @Transactional(readOnly = true)
    public List<EscalationView> openOfCaseUnaudited(long caseId, CurrentUser viewer) {
        if (!caseFiles.isWorkedBy(caseId, viewer)) {
            throw Refusal.notFound("cases.not-found-in-scope");
        }
        Map<Long, String> caseNumbers = new java.util.HashMap<>();
        Map<String, String> villages = new java.util.HashMap<>();
        return escalations.findByCaseIdAndStatusIn(caseId, OPEN).stream()
                .sorted(java.util.Comparator.comparing(Escalation::id))
                .map(e -> view(e, caseNumbers, villages)).toList();
    }

    /** For mails: who the item is for (the township's or the county's code) and what it is. */
    @Transactional(readOnly = true)
    public java.util.Optional<EscalationView> describe(long id) {
        return escalations.findById(id).map(this::view);
    }

    /**
     * {@link #describe} for a chunk of the deadline sweep (up to hundreds of items): the items in
     * one read and their case numbers in one more, not two reads per item. In the order of their
     * ids; ids no longer found are left out.
     */
    @Transactional(readOnly = true)
    public List<EscalationView> describeAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Escalation> items = escalations.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparing(Escalation::id)).toList();
        Map<Long, String> caseNumbers = new java.util.HashMap<>(caseFiles.caseNumbers(
                items.stream().map(Escalation::caseId).filter(java.util.Objects::nonNull).distinct().toList()));
        Map<String, String> villages = new java.util.HashMap<>();
        return items.stream().map(e -> view(e, caseNumbers, villages)).toList();
    }

    // --- internals -------------------------------------------------------------------------------------

    private static Set<EscalationLevel> visibleLevels(CurrentUser user) {
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("escalation.refusal.supervisors-only");
        }
        return DivisionLevel.of(user.jurisdictionCode()) == DivisionLevel.COUNTY
                ? EnumSet.allOf(EscalationLevel.class) : EnumSet.of(EscalationLevel.TOWNSHIP);
    }

    private Escalation visible(long id, CurrentUser user) {
        Set<EscalationLevel> levels = visibleLevels(user);
        return escalations.findById(id).filter(e -> user.covers(e.villageCode()) && levels.contains(e.level()))
                .orElseThrow(() -> Refusal.notFound("escalation.refusal.not-found"));
    }

    EscalationView view(Escalation e) {
        return view(e, new java.util.HashMap<>(), new java.util.HashMap<>());
    }

    private EscalationView view(Escalation e, Map<Long, String> caseNumbers, Map<String, String> villages) {
        String caseNumber = e.caseId() == null ? null : caseNumbers.computeIfAbsent(e.caseId(),
                id -> caseFiles.find(id).map(CaseRef::caseNumber).orElse(null));
        List<EscalationView.Action> actions = new ArrayList<>();
        if (e.caseId() != null) {
            actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.view-case"), "GET", "/api/v1/cases/" + e.caseId()));
        }
        switch (e.kind()) {
            case WORK_ORDER_SIGN, WORK_ORDER_RESPONSE -> actions.add(
                    new EscalationView.Action(BundleText.forReader("escalation.action.urge-work-order"), "POST", "/api/v1/work-orders/" + e.sourceId() + "/urge"));
            case WORK_ORDER_RETURNED -> actions.add(
                    new EscalationView.Action(BundleText.forReader("escalation.action.view-returned-work-order"), "GET", "/api/v1/work-orders/" + e.sourceId()));
            case CLOSURE_REQUESTED -> actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.decide-closure"), "POST",
                    "/api/v1/cases/" + e.caseId() + "/transitions"));
            case CASE_DEADLINE, HIGH_RISK, EMERGENCY_DECLARED -> actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.reassign"), "PUT",
                    "/api/v1/cases/" + e.caseId() + "/assignee"));
            case POLICE_NOTIFICATION -> actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.record-police-notification"), "PUT",
                    "/api/v1/reports/" + e.sourceId() + "/police-notification"));
            case POSSIBLE_DUPLICATE -> {
                actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.view-report"), "GET", "/api/v1/reports/" + e.sourceId()));
                actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.relink-report"), "POST", "/api/v1/reports/" + e.sourceId() + "/link"));
            }
            case REGISTER_VISIT -> actions.add(new EscalationView.Action(
                    BundleText.forReader("escalation.action.view-register-entry"), "GET", "/api/v1/register/" + e.sourceId()));
            default -> {
            }
        }
        actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.acknowledge"), "POST", "/api/v1/escalations/" + e.id() + "/acknowledge"));
        actions.add(new EscalationView.Action(BundleText.forReader("escalation.action.resolve"), "POST", "/api/v1/escalations/" + e.id() + "/resolve"));
        return new EscalationView(e.id(), e.kind(), e.kind().label(), e.level(), e.severity(), e.status().name(),
                e.caseId(), caseNumber, e.villageCode(), villages.computeIfAbsent(e.villageCode(), jurisdictions::nameOf),
                e.sourceId(),
                e.sourceDeadline(), e.raisedAt(), Duration.between(e.raisedAt(), time.now()).toMinutes(),
                e.acknowledgedBy(), e.resolvedBy(), resolutionNote(e), actions);
    }

    /** What the item says of its resolution, in the reader's language: the system's reason, else what was written. */
    private String resolutionNote(Escalation e) {
        Reason why = e.resolutionReason();
        return why == null ? e.resolutionNote()
                : messages.getMessage(why.message(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
