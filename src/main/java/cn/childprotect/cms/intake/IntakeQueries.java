package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseListRow;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading reports, by role: a REPORTER sees its own reports as receipt and status only; a
 * HOTLINE_OPERATOR the reports it logged; a SUPERVISOR the reports in its scope, reporter
 * included; a CHILD_DIRECTOR the reports of cases it works, without the reporter or anything
 * that points to them. What each may learn is decided in {@link ReportDisclosure}.
 */
@Service
@Transactional(readOnly = true)
public class IntakeQueries {

    private final Reports reports;
    private final CaseFiles caseFiles;
    private final ReportDisclosure disclosure;
    private final ApplicationEventPublisher events;
    private final DuplicateDescriptions descriptions;

    IntakeQueries(Reports reports, CaseFiles caseFiles, ReportDisclosure disclosure, ApplicationEventPublisher events,
            DuplicateDescriptions descriptions) {
        this.descriptions = descriptions;
        this.reports = reports;
        this.caseFiles = caseFiles;
        this.disclosure = disclosure;
        this.events = events;
    }

    /**
     * Channel and duplicate flag of the cases of one work-list page (ids the caller's scoped list
     * returned), in one query; nothing personal, so not audited as a read of reports.
     */
    public java.util.Map<Long, CaseIntakeFacts> intakeFactsOfCases(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, CaseIntakeFacts> facts = new java.util.LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return facts;
        }
        for (Object[] row : reports.findIntakeFactsOfCases(caseIds)) {
            long caseId = (Long) row[0];
            Channel channel = (Channel) row[1];
            boolean flagged = (Boolean) row[2];
            facts.merge(caseId, new CaseIntakeFacts(caseId, channel, 1, flagged),
                    (first, next) -> new CaseIntakeFacts(caseId, first.channel(), first.reports() + 1,
                            first.possibleDuplicate() || next.possibleDuplicate()));
        }
        return facts;
    }

    /**
     * A REPORTER's own reports. The total is {@link CappedTotal capped}: exact on the last page,
     * otherwise counted up to {@link CappedTotal#CAP}.
     */
    public Page<ReportFeedback> myFeedback(CurrentUser user, Pageable page) {
        return filedBy(user.username(), page).map(this::feedbackOf);
    }

    /**
     * Reports the caller may list: its own (mine) or, for a supervisor, those in its scope. No
     * count of the whole scope (issue 19): the total is exact on the last page, otherwise counted
     * up to {@link CappedTotal#CAP} ({@link CappedTotal#isExact}).
     */
    @Transactional
    public Page<ReportView> list(boolean mine, CurrentUser user, Pageable page) {
        Page<Report> found;
        if (user.is(Role.HOTLINE_OPERATOR) || (mine && user.is(Role.SUPERVISOR))) {
            found = filedBy(user.username(), page);
        }
        else if (user.is(Role.SUPERVISOR)) {
            String scope = user.scope().likePattern();
            Slice<Report> slice = reports.findInScope(scope, page);
            found = new PageImpl<>(slice.getContent(), page, CappedTotal.of(slice,
                    () -> !reports.probeInScope(scope, PageRequest.of(CappedTotal.CAP, 1)).isEmpty(),
                    () -> reports.countInScope(scope)));
        }
        else {
            throw Refusal.notAllowed("intake.refusal.may-not-list");
        }
        events.publishEvent(AuditEvent.success(user.username(), "REPORT_LIST_READ", "REPORT", null)
                .withDetail(found.getNumberOfElements() + " reports"));
        return found.map(r -> viewOf(r, user));
    }

    private Page<Report> filedBy(String username, Pageable page) {
        Slice<Report> slice = reports.findBySubmittedBy(username, page);
        return new PageImpl<>(slice.getContent(), page, CappedTotal.of(slice,
                () -> !reports.probeBySubmittedBy(username, PageRequest.of(CappedTotal.CAP, 1)).isEmpty(),
                () -> reports.countBySubmittedBy(username)));
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

    /**
     * The case a report is with, for a caller who may read the report as a case worker (a
     * REPORTER's receipt deliberately does not say: issue 18, a receipt is not an oracle).
     */
    public java.util.Optional<Long> caseOf(long reportId, CurrentUser user) {
        return reports.findById(reportId).filter(r -> !user.is(Role.REPORTER) && mayRead(r, user)).map(Report::caseId);
    }

    /** A report as another module keeps things about it (evidence): its case (may be null) and village. */
    public record ReportRef(long reportId, Long caseId, String villageCode) {
    }

    /**
     * The report if this user may add evidence to it: the account that filed it (a REPORTER too), or
     * someone who may read it as a case worker (docs/domain.md §3.4); empty otherwise.
     */
    public java.util.Optional<ReportRef> forEvidence(long reportId, CurrentUser user) {
        return reports.findById(reportId)
                .filter(r -> r.submittedBy().equals(user.username()) || !user.is(Role.REPORTER) && mayRead(r, user))
                .map(r -> new ReportRef(r.id(), r.caseId(), r.villageCode()));
    }

    /**
     * The case a report was filed into, for a module that filed it on a machine's behalf and must
     * follow it (the 12345 exchange reports 办结 when that case closes). Never shown to the
     * machine or to a person: no user, no disclosure (coop, issue 16).
     */
    public java.util.Optional<Long> caseOfFiledReport(long reportId) {
        return reports.findById(reportId).map(Report::caseId);
    }

    /** Reports of a case, for the case page of someone who works it (404 for anyone else, like the case). */
    public List<ReportView> ofCase(long caseId, CurrentUser user) {
        if (!caseFiles.isWorkedBy(caseId, user)) {
            throw Refusal.notFound("case.refusal.not-found-in-scope");
        }
        return reports.findByCaseIdOrderById(caseId).stream().map(r -> viewOf(r, user)).toList();
    }

    /**
     * The hotline's "is there a case already?" search results, described so that a person can
     * tell them apart (see {@link ReportReceipt.PossibleDuplicate}); only rows of the caller's scope.
     */
    public List<ReportReceipt.PossibleDuplicate> describe(List<CaseListRow> rows, CurrentUser user) {
        return rows.stream().filter(r -> user.covers(r.villageCode()))
                .map(r -> descriptions.of(r.id(), r.caseNumber(), r.status(), r.villageCode(), r.childId()))
                .toList();
    }

    public record PoliceNotificationDue(long reportId, String receiptNumber, Long caseId, String villageCode,
            Instant deadline) {
    }

    /** MR reports whose police notification is overdue, earliest first (index range scan). */
    public List<PoliceNotificationDue> overduePoliceNotifications(Instant now, int limit) {
        return overduePoliceNotifications(now, cn.childprotect.cms.shared.deadlines.DeadlineKey.START, limit);
    }

    /** The same after a (deadline, report id) key, for a sweep that works through a backlog. */
    @Transactional(readOnly = true)
    public List<PoliceNotificationDue> overduePoliceNotifications(Instant now,
            cn.childprotect.cms.shared.deadlines.DeadlineKey after, int limit) {
        return reports.findPoliceNotificationOverdue(now, after.deadline(), after.sourceId(), Pageable.ofSize(limit))
                .stream()
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

    /** Through {@link ReportDisclosure}, the one place that decides what this viewer may learn. */
    ReportView viewOf(Report report, CurrentUser user) {
        return disclosure.view(report, user);
    }

    private ReportFeedback feedbackOf(Report report) {
        return disclosure.feedback(report);
    }

    private static Refusal notFound() {
        return Refusal.notFound("intake.refusal.report-not-found");
    }
}
