package cn.childprotect.cms.intake;

import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.SystemText;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.intake.events.PoliceNotificationRecorded;
import cn.childprotect.cms.intake.events.ReportRelinked;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is done to a report after it was filed: its police notification is recorded, or it is
 * linked to the case it really belongs to. Filing itself is {@link IntakeDesk}'s.
 */
@Service
public class ReportAmendments {

    private final Reports reports;
    private final ReportValidation validation;
    private final IntakeQueries queries;
    private final CaseFiles caseFiles;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ReportAmendments(Reports reports, ReportValidation validation, IntakeQueries queries, CaseFiles caseFiles,
            TransactionTemplate tx, ApplicationEventPublisher events, MessageSource messages) {
        this.reports = reports;
        this.validation = validation;
        this.queries = queries;
        this.caseFiles = caseFiles;
        this.tx = tx;
        this.events = events;
        this.messages = messages;
    }

    /** Records the police notification of a report; meets its "police to be notified" deadline. */
    public ReportView recordPoliceNotification(long reportId, ReportSubmission.PoliceNotification police,
            CurrentUser user) {
        List<Refusal.FieldError> errors = validation.validatePolice(police, "police");
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        return tx.execute(status -> {
            Report report = reports.findById(reportId).filter(r -> queries.mayWorkOn(r, user))
                    .orElseThrow(() -> Refusal.notFound("intake.refusal.report-not-found"));
            report.policeNotified(police.notifiedAt(), police.station().strip(), Texts.blankToNull(police.receiptNumber()));
            events.publishEvent(AuditEvent.success(user.username(), "POLICE_NOTIFICATION_RECORDED", "REPORT", reportId));
            events.publishEvent(new PoliceNotificationRecorded(reportId, report.caseId()));
            return queries.viewOf(report, user);
        });
    }

    /**
     * Links a report to the case it really belongs to: a supervisor in scope, or the hotline
     * operator who took the call (their own report, from its receipt). The case the report
     * opened, if it has no other report and is still RECEIVED, is merged into the chosen one,
     * at the version read here: a change to that case since is refused, not overwritten.
     */
    public ReportView linkToCase(long reportId, long targetCaseId, CurrentUser user) {
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.HOTLINE_OPERATOR)) {
            throw Refusal.notAllowed(messages.getMessage("intake.link.forbidden", null, "intake.link.forbidden",
                    LocaleContextHolder.getLocale()));
        }
        return tx.execute(status -> {
            Report report = reports.findById(reportId).filter(r -> user.covers(r.villageCode()))
                    .filter(r -> user.is(Role.SUPERVISOR) || r.submittedBy().equals(user.username()))
                    .orElseThrow(() -> Refusal.notFound("intake.refusal.report-not-found"));
            CaseRef target = caseFiles.findInScope(targetCaseId, user).filter(c -> c.status().isOpen())
                    .orElseThrow(() -> Refusal.invalidField("caseId", "intake.refusal.link-target-invalid"));
            if (report.caseId() != null && report.caseId() == targetCaseId) {
                throw Refusal.invalidState("already-linked", "intake.refusal.already-linked");
            }
            Long previous = report.caseId();
            report.attachToCase(targetCaseId, true);
            caseFiles.linkReport(targetCaseId, reportId, report.receiptNumber(), user.username());
            if (previous != null) {
                Optional<CaseRef> old = caseFiles.find(previous);
                if (old.isPresent() && old.get().status() == CaseStatus.RECEIVED && reports.countByCaseId(previous) == 0) {
                    SystemText note = SystemText.of("intake.timeline.relinked", report.receiptNumber(),
                            target.caseNumber());
                    if (user.is(Role.SUPERVISOR)) {
                        caseFiles.transition(previous, TransitionCommand.bySystem(CaseEvent.MERGE, null, note, targetCaseId),
                                old.get().version(), user);
                    }
                    else {
                        caseFiles.mergeOpenedInError(previous, old.get().version(), targetCaseId, note, user);
                    }
                }
            }
            events.publishEvent(AuditEvent.success(user.username(), "REPORT_RELINKED", "REPORT", reportId)
                    .withDetail("case " + previous + " -> " + targetCaseId));
            events.publishEvent(new ReportRelinked(reportId, targetCaseId));
            return queries.viewOf(report, user);
        });
    }
}
