package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseListRow;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading reports, by role: a REPORTER sees its own reports as receipt and status only; a
 * HOTLINE_OPERATOR the reports it logged; a SUPERVISOR the reports in its scope, reporter
 * included; a CHILD_DIRECTOR the reports of cases it works, without the reporter.
 */
@Service
@Transactional(readOnly = true)
public class IntakeQueries {

    private final Reports reports;
    private final CaseFiles caseFiles;
    private final ContactCipher contacts;
    private final ApplicationEventPublisher events;
    private final DuplicateDescriptions descriptions;

    IntakeQueries(Reports reports, CaseFiles caseFiles, ContactCipher contacts, ApplicationEventPublisher events,
            DuplicateDescriptions descriptions) {
        this.descriptions = descriptions;
        this.reports = reports;
        this.caseFiles = caseFiles;
        this.contacts = contacts;
        this.events = events;
    }

    public Page<ReportFeedback> myFeedback(CurrentUser user, Pageable page) {
        return reports.findBySubmittedBy(user.username(), page).map(this::feedbackOf);
    }

    /** Reports the caller may list: its own (mine) or, for a supervisor, those in its scope. */
    @Transactional
    public Page<ReportView> list(boolean mine, CurrentUser user, Pageable page) {
        Page<Report> found;
        if (user.is(Role.HOTLINE_OPERATOR) || (mine && user.is(Role.SUPERVISOR))) {
            found = reports.findBySubmittedBy(user.username(), page);
        }
        else if (user.is(Role.SUPERVISOR)) {
            found = reports.findInScope(user.scope().likePattern(), page);
        }
        else {
            throw Refusal.notAllowed("当前角色不能查看报告列表");
        }
        events.publishEvent(AuditEvent.success(user.username(), "REPORT_LIST_READ", "REPORT", null)
                .withDetail(found.getNumberOfElements() + " reports"));
        return found.map(r -> viewOf(r, user));
    }

    /** A REPORTER gets {@link ReportFeedback}, everyone else who may see it a {@link ReportView}. */
    @Transactional
    public Object find(long reportId, CurrentUser user) {
        Report report = reports.findById(reportId).orElseThrow(IntakeQueries::notFound);
        if (user.is(Role.REPORTER)) {
            if (!report.submittedBy().equals(user.username())) {
                throw notFound();
            }
            return feedbackOf(report);
        }
        if (!mayRead(report, user)) {
            throw notFound();
        }
        events.publishEvent(AuditEvent.success(user.username(), "REPORT_READ", "REPORT", reportId));
        return viewOf(report, user);
    }

    /** Reports of a case, for the case page of someone who works it. */
    public List<ReportView> ofCase(long caseId, CurrentUser user) {
        return reports.findByCaseIdOrderById(caseId).stream().map(r -> viewOf(r, user)).toList();
    }

    /**
     * The hotline's "is there a case already?" search results, described so that a person can
     * tell them apart (see {@link ReportReceipt.PossibleDuplicate}); only rows of the caller's scope.
     */
    public List<ReportReceipt.PossibleDuplicate> describe(List<CaseListRow> rows, CurrentUser user) {
        return rows.stream().filter(r -> user.covers(r.villageCode()))
                .map(r -> descriptions.of(new CaseRef(r.id(), r.caseNumber(), r.status(), r.villageCode()), r.childId()))
                .toList();
    }

    public record PoliceNotificationDue(long reportId, String receiptNumber, Long caseId, String villageCode,
            Instant deadline) {
    }

    /** MR reports whose police notification is overdue, earliest first (index range scan). */
    public List<PoliceNotificationDue> overduePoliceNotifications(Instant now, int limit) {
        return reports.findPoliceNotificationOverdue(now, Pageable.ofSize(limit)).stream()
                .map(r -> new PoliceNotificationDue(r.id(), r.receiptNumber(), r.caseId(), r.villageCode(),
                        r.policeDeadline()))
                .toList();
    }

    boolean mayRead(Report report, CurrentUser user) {
        if (report.submittedBy().equals(user.username())) {
            return true;
        }
        if (user.is(Role.SUPERVISOR)) {
            return user.covers(report.villageCode());
        }
        return user.is(Role.CHILD_DIRECTOR) && report.caseId() != null && caseFiles.isWorkedBy(report.caseId(), user);
    }

    /** Who may record the police notification: the filer, a supervisor in scope, the director working the case. */
    boolean mayWorkOn(Report report, CurrentUser user) {
        return mayRead(report, user);
    }

    ReportView viewOf(Report report, CurrentUser user) {
        boolean showReporter = report.submittedBy().equals(user.username())
                || (user.is(Role.SUPERVISOR) && user.covers(report.villageCode()));
        ReportView.ReporterIdentity reporter = showReporter
                ? new ReportView.ReporterIdentity(report.reporterAnonymous(), report.reporterName(),
                        contacts.decrypt(report.reporterPhoneCipher()),
                        report.reporterInstitutionType() == null ? null : report.reporterInstitutionType().name(),
                        report.reporterInstitutionName())
                : null;
        ReportView.Police police = report.policeNotifiedAt() == null ? null
                : new ReportView.Police(report.policeNotifiedAt(), report.policeStation(), report.policeReceiptNumber());
        return new ReportView(report.id(), report.receiptNumber(), report.channel(), report.categories(),
                report.urgent(), report.occurredAt(), report.receivedAt(), report.villageCode(), report.narrative(),
                report.caseId(), report.linkedToExisting(), report.pregnancyFlag(), police, report.policeDeadline(),
                reporter, !showReporter, report.submittedBy());
    }

    private ReportFeedback feedbackOf(Report report) {
        ReportFeedback.FeedbackStatus status = report.caseId() == null ? ReportFeedback.FeedbackStatus.CLOSED
                : caseFiles.find(report.caseId()).map(CaseRef::status).map(IntakeQueries::feedbackStatus)
                        .orElse(ReportFeedback.FeedbackStatus.RECEIVED);
        return new ReportFeedback(report.id(), report.receiptNumber(), report.receivedAt(), report.categories(),
                status, status.label(), report.policeDeadline());
    }

    /** Status only, "in an appropriate way" (未成年人保护法 art. 11). */
    static ReportFeedback.FeedbackStatus feedbackStatus(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> ReportFeedback.FeedbackStatus.RECEIVED;
            case ASSESSING -> ReportFeedback.FeedbackStatus.ACCEPTED;
            case EMERGENCY, HANDLING, SUPPORTING, PENDING_CLOSURE, MERGED -> ReportFeedback.FeedbackStatus.IN_PROGRESS;
            case CLOSED, SCREENED_OUT -> ReportFeedback.FeedbackStatus.CLOSED;
        };
    }

    private static Refusal notFound() {
        return Refusal.notFound("没有这份报告，或不在您的管辖范围内");
    }
}
