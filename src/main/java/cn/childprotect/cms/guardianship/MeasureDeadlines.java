package cn.childprotect.cms.guardianship;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * The deadline of a measure's next step (docs/domain.md "Guardianship intervention", DOMAIN.md
 * §6.1), computed when it is recorded and after each step, from {@link MeasurePolicy}:
 * a 人身安全保护令 is decided 72 h after filing (24 h if urgent); after a refusal 复议 is possible
 * for 5 days; a granted order is reviewed 30 days before it ends, and after the review the end
 * itself is the deadline; 告诫书 查访 checks and placement reviews recur; a 恢复监护资格
 * observation period ends. An ended measure has none.
 */
@Component
class MeasureDeadlines {

    private final MeasurePolicy policy;
    private final WorkingCalendar calendar;
    private final BusinessTime time;

    MeasureDeadlines(MeasurePolicy policy, WorkingCalendar calendar, BusinessTime time) {
        this.policy = policy;
        this.calendar = calendar;
        this.time = time;
    }

    NextDeadline onRecorded(Measure m) {
        if (m.status().ended()) {
            return NextDeadline.NONE;
        }
        return switch (m.type()) {
            case PROTECTION_ORDER -> new NextDeadline(DeadlineKind.DECISION, plus(m.occurredAt(),
                    m.urgent() ? policy.protectionOrderDecisionUrgent() : policy.protectionOrderDecision()));
            case WARNING_LETTER -> new NextDeadline(DeadlineKind.CHECK, plus(m.occurredAt(), policy.warningLetterCheck()));
            case TEMPORARY_GUARDIANSHIP -> new NextDeadline(DeadlineKind.PLACEMENT_REVIEW,
                    plus(m.occurredAt(), policy.temporaryGuardianshipReview()));
            case SHELTER -> new NextDeadline(DeadlineKind.PLACEMENT_REVIEW, plus(m.occurredAt(), policy.shelterReview()));
            default -> NextDeadline.NONE;
        };
    }

    NextDeadline afterStep(Measure m, MeasureStep step, MeasureInput in, Instant now) {
        if (m.status().ended()) {
            return NextDeadline.NONE;
        }
        return switch (m.status()) {
            case REFUSED -> new NextDeadline(DeadlineKind.RECONSIDERATION, reconsiderationEnd(m));
            case GRANTED -> step == MeasureStep.REVIEW || !reviewOf(m).isAfter(m.decidedAt() == null ? now : m.decidedAt())
                    // reviewed, or an order shorter than the review period: its end is what is due
                    ? new NextDeadline(DeadlineKind.LAPSE, m.validUntil())
                    : new NextDeadline(DeadlineKind.REVIEW, reviewOf(m));
            case SERVED -> new NextDeadline(DeadlineKind.CHECK, plus(step == MeasureStep.SERVE ? in.servedAt() : now,
                    policy.warningLetterCheck()));
            case STARTED -> new NextDeadline(DeadlineKind.PLACEMENT_REVIEW, plus(now,
                    m.type() == MeasureType.SHELTER ? policy.shelterReview() : policy.temporaryGuardianshipReview()));
            case OBSERVING -> new NextDeadline(DeadlineKind.OBSERVATION_END, m.observationUntil());
            default -> NextDeadline.NONE;
        };
    }

    /** The last moment to apply for 复议 of a refused order (反家暴法 art. 31). */
    Instant reconsiderationEnd(Measure m) {
        return plus(m.decidedAt(), policy.reconsideration());
    }

    /** 30 days before the order ends (ours). */
    private Instant reviewOf(Measure m) {
        return m.validUntil().minus(policy.protectionOrderReviewBeforeEnd().calendar());
    }

    private Instant plus(Instant from, SlaDuration duration) {
        return duration.addTo(from, calendar);
    }

    String localDate(Instant instant) {
        return time.dateOf(instant).toString();
    }

    String localDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, time.zone()).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    record NextDeadline(DeadlineKind kind, Instant at) {
        static final NextDeadline NONE = new NextDeadline(null, null);
    }
}
