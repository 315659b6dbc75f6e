package cn.childprotect.cms.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlinesMissed;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * {@code monitoring.entry}: the at-risk register's facts for the statistics rollup (docs/domain.md,
 * §7.2 "Statistics"), one entry with its visits per subject. Category: the entry's first category
 * in the taxonomy's order (so splits add up); state: its tier now.
 * <ul>
 * <li>{@code register.confirmed} on the day the county confirmed it; {@code register.active} on the
 * same day while it is still in force; {@code register.exited} on the day its exit was confirmed.</li>
 * <li>{@code register.visits} each visit on its day, and {@code register.visit.on_time|late}: whether
 * it was made by the due date in force then. That date is replayed from the schedule (first visit
 * within 5 working days of confirmation, then the tier's cadence after the latest visit), as the
 * register computed it, with the tier the entry has now. A late visit counts on its due date; a
 * visit still not made past the stored due date counts as late on that date too, from the sweep
 * that finds it missed ({@link DeadlinesMissed}).</li>
 * </ul>
 * The register publishes no domain events; every change of an entry is audited, so the audit
 * event (other than a read) names the entry whose facts may have changed.
 */
@Component
class RegisterStatsFacts implements StatsFactSource {

    private final RegisterEntries entries;
    private final RegisterVisits visits;
    private final RegisterChanges changes;
    private final RegisterTaxonomy taxonomy;
    private final VisitSchedule schedule;
    private final BusinessTime time;

    RegisterStatsFacts(RegisterEntries entries, RegisterVisits visits, RegisterChanges changes,
            RegisterTaxonomy taxonomy, VisitSchedule schedule, BusinessTime time) {
        this.entries = entries;
        this.visits = visits;
        this.changes = changes;
        this.taxonomy = taxonomy;
        this.schedule = schedule;
        this.time = time;
    }

    @Override
    public String name() {
        return "monitoring.entry";
    }

    @Override
    public List<Long> subjectsAffectedBy(Object event) {
        if (event instanceof DeadlinesMissed e) {
            return e.sourceIdsOf(Register.VISIT_DEADLINE);
        }
        if (event instanceof AuditEvent e && "REGISTER_ENTRY".equals(e.targetType()) && e.targetId() != null
                && !"REGISTER_ENTRY_READ".equals(e.action()) && e.targetId().matches("\\d{1,18}")) {
            return List.of(Long.parseLong(e.targetId()));
        }
        return List.of();
    }

    @Override
    public List<StatsFact> factsOf(long entryId) {
        Optional<RegisterEntry> found = entries.findById(entryId);
        if (found.isEmpty() || !inRegister(found.get())) {
            return List.of();
        }
        RegisterEntry entry = found.get();
        List<RegisterChange> history = entry.status() == RegisterStatus.EXITED
                ? changes.findByEntryIdOrderById(entryId) : List.of();
        return factsOf(entry, history, visits.findByEntryIdOrderByVisitedOnDescIdDesc(entryId));
    }

    /**
     * The entries in one query, their visits in another and, if any has exited, the exited ones'
     * changes in a third, however many (a drain's batch).
     */
    @Override
    public Map<Long, List<StatsFact>> factsOf(Collection<Long> entryIds) {
        Map<Long, List<StatsFact>> facts = new HashMap<>();
        if (entryIds.isEmpty()) {
            return facts;
        }
        List<RegisterEntry> found = entries.findAllById(entryIds);
        List<Long> confirmed = found.stream().filter(RegisterStatsFacts::inRegister).map(RegisterEntry::id).toList();
        List<Long> exited = found.stream().filter(e -> inRegister(e) && e.status() == RegisterStatus.EXITED)
                .map(RegisterEntry::id).toList();
        Map<Long, List<RegisterVisit>> visitsOf = new HashMap<>();
        if (!confirmed.isEmpty()) {
            for (RegisterVisit visit : visits.findByEntryIdIn(confirmed)) {
                visitsOf.computeIfAbsent(visit.entryId(), k -> new ArrayList<>()).add(visit);
            }
        }
        Map<Long, List<RegisterChange>> changesOf = new HashMap<>();
        if (!exited.isEmpty()) {
            for (RegisterChange change : changes.findByEntryIdInOrderById(exited)) {
                changesOf.computeIfAbsent(change.entryId(), k -> new ArrayList<>()).add(change);
            }
        }
        for (RegisterEntry entry : found) {
            facts.put(entry.id(), factsOf(entry, changesOf.getOrDefault(entry.id(), List.of()),
                    visitsOf.getOrDefault(entry.id(), List.of())));
        }
        return facts;
    }

    /** A draft is not in the register yet. */
    private static boolean inRegister(RegisterEntry entry) {
        return entry.confirmedAt() != null && entry.villageCode() != null;
    }

    /**
     * {@code history}: the entry's changes in id order (needed only if it has exited);
     * {@code entryVisits}: its visits in any order.
     */
    private List<StatsFact> factsOf(RegisterEntry entry, List<RegisterChange> history, List<RegisterVisit> entryVisits) {
        if (!inRegister(entry)) {
            return List.of();
        }
        StatsFact confirmed = StatsFact.count("register.confirmed", time.dateOf(entry.confirmedAt()),
                entry.villageCode()).withCategory(primaryCategory(entry.categories())).withState(entry.tier().name());
        List<StatsFact> facts = new ArrayList<>();
        facts.add(confirmed);
        if (entry.status().inForce()) {
            facts.add(confirmed.as("register.active", confirmed.day()));
        }
        if (entry.status() == RegisterStatus.EXITED) {
            history.stream()
                    .filter(c -> c.toStatus() == RegisterStatus.EXITED && c.occurredAt() != null)
                    .reduce((first, second) -> second)
                    .ifPresent(c -> facts.add(confirmed.as("register.exited", time.dateOf(c.occurredAt()))));
        }
        LocalDate due = schedule.firstVisitDue(entry.confirmedAt());
        LocalDate last = null;
        List<RegisterVisit> made = entryVisits.stream()
                .sorted(Comparator.comparing(RegisterVisit::visitedOn).thenComparing(RegisterVisit::id)).toList();
        for (RegisterVisit visit : made) {
            facts.add(confirmed.as("register.visits", visit.visitedOn()));
            facts.add(visit.visitedOn().isAfter(due) ? confirmed.as("register.visit.late", due)
                    : confirmed.as("register.visit.on_time", visit.visitedOn()));
            last = last == null || visit.visitedOn().isAfter(last) ? visit.visitedOn() : last;
            due = schedule.nextVisitDue(last, entry.tier());
        }
        // the next visit is not made and its stored due date has passed (as the sweep reads it)
        if (entry.status().inForce() && entry.visitOverdueAt() != null && !entry.visitOverdueAt().isAfter(time.now())) {
            facts.add(confirmed.as("register.visit.late",
                    entry.visitDueOn() != null ? entry.visitDueOn() : time.dateOf(entry.visitOverdueAt())));
        }
        return facts;
    }

    @Override
    public List<Long> subjectsAfter(long afterId, int limit) {
        return entries.findIdsAfter(afterId, PageRequest.of(0, limit));
    }

    /** The first of the entry's categories in the taxonomy's order. */
    private String primaryCategory(List<String> categories) {
        List<String> order = taxonomy.categories().stream().map(RegisterTaxonomy.Category::code).toList();
        return categories.stream()
                .min(Comparator.comparingInt((String c) -> order.indexOf(c) < 0 ? Integer.MAX_VALUE : order.indexOf(c))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse("");
    }
}
