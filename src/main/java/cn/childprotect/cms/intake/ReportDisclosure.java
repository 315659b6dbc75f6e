package cn.childprotect.cms.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.CaseTimelineItem;
import cn.childprotect.cms.cases.TimelineRedaction;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.stereotype.Component;

/**
 * The one place that decides what a caller may learn about a report, and applies it to every
 * shape a report takes: the view of case workers (API, case page, lists), the receipt, the
 * reporting unit's feedback, and the case timeline.
 * <ul>
 * <li>The reporter (反家庭暴力法 art. 14) is known to the account that filed the report and to
 * supervisors whose scope covers it. Everyone else sees neither the reporter nor anything that
 * points to them: the filing account, its institution, the channel, or the filer as the actor
 * of the timeline entry the report wrote.
 * <li>A case's number and state are shown only to a role that lists cases, within its scope. A
 * REPORTER account never learns of any case (未成年人保护法 art. 11: status only), so neither
 * its receipt nor its feedback can tell whether the child already had one.
 * </ul>
 */
@Component
class ReportDisclosure implements TimelineRedaction {

    private final Reports reports;
    private final CaseFiles caseFiles;
    private final ContactCipher contacts;
    private final DuplicateDescriptions descriptions;

    ReportDisclosure(Reports reports, CaseFiles caseFiles, ContactCipher contacts, DuplicateDescriptions descriptions) {
        this.reports = reports;
        this.caseFiles = caseFiles;
        this.contacts = contacts;
        this.descriptions = descriptions;
    }

    /** Whether the viewer may know who reported: whoever filed it, and a supervisor in scope. */
    boolean mayKnowReporter(Report report, CurrentUser viewer) {
        return report.submittedBy().equals(viewer.username())
                || (viewer.is(Role.SUPERVISOR) && viewer.covers(report.villageCode()));
    }

    /** Whether the viewer may see that this case exists, its number and state. */
    static boolean mayKnowCase(CaseRef ref, CurrentUser viewer) {
        return CaseQueries.mayList(viewer) && viewer.covers(ref.villageCode());
    }

    ReportView view(Report report, CurrentUser viewer) {
        boolean showReporter = mayKnowReporter(report, viewer);
        ReportView.ReporterIdentity reporter = showReporter
                ? new ReportView.ReporterIdentity(report.reporterAnonymous(), report.reporterName(),
                        contacts.decrypt(report.reporterPhoneCipher()),
                        report.reporterInstitutionType() == null ? null : report.reporterInstitutionType().name(),
                        report.reporterInstitutionName())
                : null;
        ReportView.Police police = report.policeNotifiedAt() == null ? null
                : new ReportView.Police(report.policeNotifiedAt(), report.policeStation(), report.policeReceiptNumber());
        // a case the report opened lies in the report's village; only a joined one needs looking up
        boolean caseVisible = report.caseId() == null
                || (!report.linkedToExisting() && viewer.covers(report.villageCode()))
                || caseFiles.find(report.caseId()).map(c -> mayKnowCase(c, viewer)).orElse(false);
        Duplicates duplicates = duplicates(report.possibleDuplicateCaseIds(), report, viewer);
        return new ReportView(report.id(), report.receiptNumber(), showReporter ? report.channel() : null,
                report.categories(), report.urgent(), report.occurredAt(), report.receivedAt(), report.villageCode(),
                report.narrative(), caseVisible ? report.caseId() : null, report.linkedToExisting(),
                report.pregnancyFlag(), police, report.policeDeadline(), reporter, !showReporter,
                showReporter ? report.submittedBy() : null, duplicates.visible(), duplicates.elsewhere());
    }

    ReportReceipt receipt(Report report, CurrentUser filer) {
        if (filer.is(Role.REPORTER)) {
            return new ReportReceipt(report.id(), report.receiptNumber(), report.receivedAt(), report.categories(), null,
                    null, null, List.of(), false, report.policeDeadline(), false);
        }
        Optional<CaseRef> ownCase = report.caseId() == null ? Optional.empty()
                : caseFiles.find(report.caseId()).filter(c -> mayKnowCase(c, filer));
        Duplicates duplicates = duplicates(report.possibleDuplicateCaseIds(), report, filer);
        return new ReportReceipt(report.id(), report.receiptNumber(), report.receivedAt(), report.categories(),
                ownCase.map(CaseRef::id).orElse(null), ownCase.map(CaseRef::caseNumber).orElse(null),
                report.linkedToExisting(), duplicates.visible(), duplicates.elsewhere(), report.policeDeadline(),
                false);
    }

    /**
     * Status only, and of this report's own handling: a report linked to a case that was
     * already under way reads "received" until that case moves after the report came in, as a
     * report that opened a new case would, so the feedback does not tell that a case existed.
     */
    ReportFeedback feedback(Report report) {
        ReportFeedback.FeedbackStatus status = report.caseId() == null ? ReportFeedback.FeedbackStatus.CLOSED
                : caseFiles.progress(report.caseId())
                        .map(p -> p.since().isBefore(report.receivedAt()) ? ReportFeedback.FeedbackStatus.RECEIVED
                                : feedbackStatus(p.status()))
                        .orElse(ReportFeedback.FeedbackStatus.RECEIVED);
        return new ReportFeedback(report.id(), report.receiptNumber(), report.receivedAt(), report.categories(),
                status, status.label(), report.policeDeadline());
    }

    static ReportFeedback.FeedbackStatus feedbackStatus(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> ReportFeedback.FeedbackStatus.RECEIVED;
            case ASSESSING -> ReportFeedback.FeedbackStatus.ACCEPTED;
            case EMERGENCY, HANDLING, SUPPORTING, PENDING_CLOSURE, MERGED -> ReportFeedback.FeedbackStatus.IN_PROGRESS;
            case CLOSED, SCREENED_OUT -> ReportFeedback.FeedbackStatus.CLOSED;
        };
    }

    /** The entry a report wrote on the timeline (opened or linked) names its filer: hidden like the reporter. */
    @Override
    public boolean hidesActor(CaseTimelineItem item, CurrentUser viewer) {
        if (item.reference() == null || !item.reference().startsWith("report:") || item.actor() == null) {
            return false;
        }
        long reportId;
        try {
            reportId = Long.parseLong(item.reference().substring("report:".length()));
        }
        catch (NumberFormatException notOurs) {
            return false;
        }
        return reports.findById(reportId).filter(r -> r.submittedBy().equals(item.actor()))
                .map(r -> !mayKnowReporter(r, viewer)).orElse(false);
    }

    private record Duplicates(List<ReportReceipt.PossibleDuplicate> visible, boolean elsewhere) {
    }

    private Duplicates duplicates(Iterable<Long> caseIds, Report report, CurrentUser viewer) {
        if (viewer.is(Role.REPORTER)) {
            return new Duplicates(List.of(), false);
        }
        List<ReportReceipt.PossibleDuplicate> visible = new ArrayList<>();
        boolean elsewhere = false;
        for (Long caseId : caseIds) {
            Optional<CaseRef> other = caseFiles.find(caseId).filter(c -> c.status().isOpen());
            if (other.isEmpty() || (report.caseId() != null && report.caseId() == caseId.longValue())) {
                continue;
            }
            if (mayKnowCase(other.get(), viewer)) {
                visible.add(descriptions.of(other.get(), caseFiles.childOf(caseId).orElse(0L)));
            }
            else {
                elsewhere = true;
            }
        }
        return new Duplicates(visible, elsewhere);
    }
}
