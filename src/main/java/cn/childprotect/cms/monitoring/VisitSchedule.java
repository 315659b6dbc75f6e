package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;

import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * When the next register visit is due (docs/domain.md, "The at-risk register"): the first within
 * {@code at-risk-first-visit} (5 working days by the calendar) of the county's confirmation, then
 * the tier's cadence after the latest visit. A visit is due on a date; it is overdue from the
 * start of the next day, and that instant is what is stored and indexed.
 */
@Component
class VisitSchedule {

    private final SlaPolicy sla;
    private final VisitCadence cadence;
    private final WorkingCalendar calendar;

    VisitSchedule(SlaPolicy sla, VisitCadence cadence, WorkingCalendar calendar) {
        this.sla = sla;
        this.cadence = cadence;
        this.calendar = calendar;
    }

    LocalDate firstVisitDue(Instant confirmedAt) {
        return sla.atRiskFirstVisit().addTo(confirmedAt, calendar).atZone(calendar.zone())
                .toLocalDate();
    }

    LocalDate nextVisitDue(LocalDate lastVisit, RegisterTier tier) {
        return addTo(lastVisit, cadence.of(tier));
    }

    LocalDate addTo(LocalDate from, SlaDuration duration) {
        if (duration.workingDays() > 0) {
            return duration.addTo(from.atStartOfDay(calendar.zone()).toInstant(), calendar).atZone(calendar.zone())
                    .toLocalDate();
        }
        return from.plusDays(Math.max(1, duration.calendar().toDays()));
    }

    /** When a tier set today is due for review again ({@code cms.sla.register.tier-review}, 6 months, ours). */
    LocalDate tierReviewDue(LocalDate today) {
        return addTo(today, cadence.tierReview());
    }

    /** The instant a visit due on {@code dueOn} becomes overdue: the start of the following day. */
    Instant overdueFrom(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }
}
