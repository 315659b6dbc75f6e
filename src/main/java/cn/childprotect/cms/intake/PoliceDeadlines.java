package cn.childprotect.cms.intake;

import java.time.Instant;

import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A closed or screened-out case no longer waits for its reports' police notification: the
 * deadline is cleared, so the sweep raises no "未按时报警" for it (and its index range scan
 * does not keep reading stale deadlines). A reopened case waits again, from the reopening.
 * Synchronous: it commits or rolls back with the transition.
 */
@Component
class PoliceDeadlines {

    private final Reports reports;
    private final ReportTaxonomy taxonomy;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final BusinessTime time;

    PoliceDeadlines(Reports reports, ReportTaxonomy taxonomy, SlaPolicy sla, WorkingCalendar calendar, BusinessTime time) {
        this.reports = reports;
        this.taxonomy = taxonomy;
        this.sla = sla;
        this.calendar = calendar;
        this.time = time;
    }

    @EventListener
    void on(CaseStatusChanged event) {
        if (event.to() == CaseStatus.CLOSED || event.to() == CaseStatus.SCREENED_OUT) {
            reports.findByCaseIdOrderById(event.caseId()).stream().filter(r -> r.policeDeadline() != null)
                    .forEach(Report::stopAwaitingPolice);
        }
        else if (event.from() == CaseStatus.CLOSED || event.from() == CaseStatus.SCREENED_OUT) {
            Instant deadline = sla.policeNotification().addTo(time.now(), calendar);
            reports.findByCaseIdOrderById(event.caseId()).stream()
                    .filter(r -> r.policeNotifiedAt() == null && r.categories().stream().anyMatch(taxonomy::isMandatory))
                    .forEach(r -> r.awaitPoliceNotification(deadline));
        }
    }
}
