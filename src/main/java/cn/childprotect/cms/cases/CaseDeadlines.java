package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.Set;

import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.springframework.stereotype.Component;

/** The deadline of a state, computed from the SLA policy when the case enters it. */
@Component
class CaseDeadlines {

    private final SlaPolicy policy;
    private final WorkingCalendar calendar;

    CaseDeadlines(SlaPolicy policy, WorkingCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    Instant onEntering(CaseStatus status, Instant at, Set<String> categories, boolean urgent, RiskLevel risk) {
        SlaDuration duration = switch (status) {
            case RECEIVED -> received(categories, urgent, at);
            case EMERGENCY -> policy.emergency();
            case ASSESSING -> policy.assessing();
            case HANDLING -> policy.handling();
            case SUPPORTING -> policy.followUpVisitFor(risk == null ? null : risk.name());
            case PENDING_CLOSURE -> policy.pendingClosure();
            case CLOSED, SCREENED_OUT, MERGED -> null;
        };
        return duration == null ? null : duration.addTo(at, calendar);
    }

    /** The shortest that applies: urgent, then each category's, then the default. */
    private SlaDuration received(Set<String> categories, boolean urgent, Instant at) {
        SlaPolicy.Received r = policy.received();
        SlaDuration best = r.defaultDuration();
        Instant bestDue = best.addTo(at, calendar);
        for (String category : categories) {
            SlaDuration candidate = r.categories().get(category);
            if (candidate != null) {
                Instant due = candidate.addTo(at, calendar);
                if (due.isBefore(bestDue)) {
                    best = candidate;
                    bestDue = due;
                }
            }
        }
        if (urgent) {
            SlaDuration candidate = r.urgent();
            if (candidate.addTo(at, calendar).isBefore(bestDue)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The next follow-up visit after one on {@code visitedAt}, by the case's risk level. */
    Instant nextFollowUpVisit(Instant visitedAt, RiskLevel risk) {
        return policy.followUpVisitFor(risk == null ? null : risk.name()).addTo(visitedAt, calendar);
    }
}
