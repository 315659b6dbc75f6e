package cn.childprotect.cms.guardianship;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.childprotect.cms.guardianship.events.MeasureRecorded;
import cn.childprotect.cms.guardianship.events.MeasureStepTaken;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlinesMissed;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * {@code guardianship.measure}: guardianship measures' facts for the statistics rollup
 * (docs/domain.md, §7.2 "Statistics"). Category: the measure type; state: its status now (for an
 * ended measure, its outcome).
 * <ul>
 * <li>{@code measures.recorded} on the day it was recorded; {@code measures.ended} on the day it
 * reached an ended status (a one-off act such as 训诫 ends when it is recorded).</li>
 * <li>For a 人身安全保护令: {@code measures.decision.on_time|late} on the day of the court's decision,
 * against the legal limit from filing (72 h, 24 h if urgent: 反家暴法 art. 28, {@link MeasurePolicy}),
 * and {@code time.decision} (filing → decision). Late counts on the day the limit ran out, also while
 * the decision is still awaited past it (from the sweep that finds it missed, {@link DeadlinesMissed}). After a 复议 the stored decision is the later one,
 * which the limit does not govern: such an order counts in neither.</li>
 * </ul>
 */
@Component
class MeasureStatsFacts implements StatsFactSource {

    private final Measures measures;
    private final MeasureStepLines lines;
    private final MeasurePolicy policy;
    private final WorkingCalendar calendar;
    private final BusinessTime time;

    MeasureStatsFacts(Measures measures, MeasureStepLines lines, MeasurePolicy policy, WorkingCalendar calendar,
            BusinessTime time) {
        this.measures = measures;
        this.lines = lines;
        this.policy = policy;
        this.calendar = calendar;
        this.time = time;
    }

    @Override
    public String name() {
        return "guardianship.measure";
    }

    @Override
    public List<Long> subjectsAffectedBy(Object event) {
        return switch (event) {
            case MeasureRecorded e -> List.of(e.measureId());
            case MeasureStepTaken e -> List.of(e.measureId());
            case DeadlinesMissed e -> e.sourceIdsOf(MeasureDesk.ESCALATION_KIND);
            default -> List.of();
        };
    }

    @Override
    public List<StatsFact> factsOf(long measureId) {
        Optional<Measure> found = measures.findById(measureId);
        if (found.isEmpty() || !countable(found.get())) {
            return List.of();
        }
        return factsOf(found.get(), lines.findByMeasureIdInOrderById(List.of(measureId)));
    }

    /** The measures in one query and their histories in another, however many (a drain's batch). */
    @Override
    public Map<Long, List<StatsFact>> factsOf(Collection<Long> measureIds) {
        Map<Long, List<StatsFact>> facts = new HashMap<>();
        if (measureIds.isEmpty()) {
            return facts;
        }
        List<Measure> found = measures.findAllById(measureIds);
        List<Long> countable = found.stream().filter(MeasureStatsFacts::countable).map(Measure::id).toList();
        Map<Long, List<MeasureStepLine>> histories = new HashMap<>();
        if (!countable.isEmpty()) {
            for (MeasureStepLine line : lines.findByMeasureIdInOrderById(countable)) {
                histories.computeIfAbsent(line.measureId(), k -> new ArrayList<>()).add(line);
            }
        }
        for (Measure m : found) {
            facts.put(m.id(), factsOf(m, histories.getOrDefault(m.id(), List.of())));
        }
        return facts;
    }

    private static boolean countable(Measure m) {
        return m.villageCode() != null && m.createdAt() != null;
    }

    /** {@code history}: the measure's steps in id order. */
    private List<StatsFact> factsOf(Measure m, List<MeasureStepLine> history) {
        if (!countable(m)) {
            return List.of();
        }
        StatsFact recorded = StatsFact.count("measures.recorded", time.dateOf(m.createdAt()), m.villageCode())
                .withCategory(m.type().name()).withState(m.status().name());
        List<StatsFact> facts = new ArrayList<>();
        facts.add(recorded);
        if (m.ended()) {
            Instant endedAt = history.stream().filter(l -> l.toStatus() != null && l.toStatus().ended())
                    .map(MeasureStepLine::occurredAt).reduce((first, second) -> second).orElse(m.createdAt());
            facts.add(recorded.as("measures.ended", time.dateOf(endedAt)));
        }
        boolean reconsidered = history.stream().anyMatch(l -> l.step() == MeasureStep.RECONSIDER);
        if (m.type() == MeasureType.PROTECTION_ORDER && m.decidedAt() != null && m.occurredAt() != null
                && !reconsidered) {
            Instant due = (m.urgent() ? policy.protectionOrderDecisionUrgent()
                    : policy.protectionOrderDecision()).addTo(m.occurredAt(), calendar);
            boolean late = m.decidedAt().isAfter(due);
            facts.add(recorded.as(late ? "measures.decision.late" : "measures.decision.on_time",
                    time.dateOf(late ? due : m.decidedAt())));
            facts.add(recorded.as("time.decision", time.dateOf(m.decidedAt())).duration("time.decision",
                    Math.max(0, Duration.between(m.occurredAt(), m.decidedAt()).toMinutes())));
        }
        else if (m.type() == MeasureType.PROTECTION_ORDER && m.decidedAt() == null && !reconsidered
                && m.deadlineKind() == DeadlineKind.DECISION && m.nextDeadlineAt() != null
                && m.nextDeadlineAt().isBefore(time.now())) {
            // the decision is still awaited past its stored deadline, the one the sweep escalates
            facts.add(recorded.as("measures.decision.late", time.dateOf(m.nextDeadlineAt())));
        }
        return facts;
    }

    @Override
    public List<Long> subjectsAfter(long afterId, int limit) {
        return measures.findIdsAfter(afterId, PageRequest.of(0, limit));
    }
}
