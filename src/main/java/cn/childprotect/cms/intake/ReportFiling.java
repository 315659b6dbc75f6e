package cn.childprotect.cms.intake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.OpenCaseCommand;
import cn.childprotect.cms.intake.events.PossibleDuplicateReported;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.ChildMatch;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.SequenceNumbers;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a validated report into rows, in the caller's transaction: the child (the same one again
 * or a new one), the report with its receipt number and police deadline, the case it opens or
 * joins, and the events and audit row of its receipt. Who may file, the checks and the
 * Idempotency-Key are {@link IntakeDesk}'s and {@link IdempotentSubmissions}'.
 */
@Component
class ReportFiling {

    /** The counter of report ids (V8_7_1), shared with no AUTO_INCREMENT insert. */
    private static final String REPORT_IDS = "id:intake_report";
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Reports reports;
    private final ReportTaxonomy taxonomy;
    private final ChildRegistry children;
    private final CaseFiles caseFiles;
    private final SequenceNumbers sequences;
    private final ContactCipher reporterCipher;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final ReportDisclosure disclosure;

    ReportFiling(Reports reports, ReportTaxonomy taxonomy, ChildRegistry children, CaseFiles caseFiles,
            SequenceNumbers sequences, ContactCipher reporterCipher, SlaPolicy sla, WorkingCalendar calendar,
            ApplicationEventPublisher events, BusinessTime time, ReportDisclosure disclosure) {
        this.reports = reports;
        this.taxonomy = taxonomy;
        this.children = children;
        this.caseFiles = caseFiles;
        this.sequences = sequences;
        this.reporterCipher = reporterCipher;
        this.sla = sla;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
        this.disclosure = disclosure;
    }

    ReportReceipt file(ReportSubmission submission, CurrentUser user) {
        Instant now = time.now();
        ChildData childData = submission.child();
        Set<String> categories = new LinkedHashSet<>(submission.categories());
        boolean pregnancyUnder14 = submission.pregnancyOrAbortion() && isGirlUnder14(childData);
        if (pregnancyUnder14) {
            categories.add("MR02"); // docs/domain.md §3.1: age alone plus pregnancy triggers MR02
        }
        // the child: the same one again (certain match) or a new one; uncertain matches are offered
        ChildMatch match = children.match(childData, submission.villageCode());
        long childId;
        boolean knownChild = match.exact().isPresent();
        if (knownChild) {
            childId = match.exact().get();
            children.learn(childId, childData);
        }
        else {
            childId = children.register(childData, submission.villageCode());
        }
        String receiptNumber = "R%s-%06d".formatted(RECEIPT_DATE.format(time.today()),
                sequences.next("receipt:" + RECEIPT_DATE.format(time.today())));
        // the id first: the case opens with it, and the report is stored once, with its case (README, Performance)
        Report report = new Report(sequences.next(REPORT_IDS), receiptNumber, channelFor(submission, user), categories,
                submission.urgent(), submission.occurredAt(), now, submission.villageCode(), submission.narrative().strip(), childId,
                pregnancyUnder14, user.username(), user.role());
        recordReporter(report, submission.reporter(), user);
        report.flagPossibleDuplicate(!match.candidates().isEmpty());
        boolean mandatory = categories.stream().anyMatch(taxonomy::isMandatory);
        if (submission.police() != null && submission.police().notifiedAt() != null) {
            report.policeNotified(submission.police().notifiedAt(), Texts.blankToNull(submission.police().station()),
                    Texts.blankToNull(submission.police().receiptNumber()));
        }
        else if (mandatory) {
            report.awaitPoliceNotification(sla.policeNotification().addTo(now, calendar));
        }

        boolean opensCase = categories.stream().anyMatch(taxonomy::opensCase);
        CaseRef caseRef = null;
        if (opensCase) {
            // a child registered just now has no case yet: no need to look
            Optional<CaseRef> open = knownChild ? caseFiles.findOpenCaseOfChild(childId) : Optional.empty();
            if (open.isPresent()) {
                caseRef = caseFiles.linkReport(open.get().id(), report.id(), receiptNumber, user.username());
                report.attachToCase(caseRef.id(), true);
            }
            else {
                caseRef = caseFiles.open(new OpenCaseCommand(childId, submission.villageCode(), categories,
                        submission.urgent(), report.id(), receiptNumber, user.username()));
                report.attachToCase(caseRef.id(), false);
            }
        }
        // uncertain matches are kept for every filer; who may see which is ReportDisclosure's decision
        List<Long> duplicates = new ArrayList<>();
        for (Long candidate : match.candidates()) {
            caseFiles.findOpenCaseOfChild(candidate)
                    .filter(c -> report.caseId() == null || c.id() != report.caseId())
                    .ifPresent(c -> duplicates.add(c.id()));
        }
        report.possibleDuplicates(duplicates);
        reports.save(report);
        boolean alert = mandatory || submission.urgent() || categories.contains("GD05");
        events.publishEvent(AuditEvent.success(user.username(), "REPORT_RECEIVED", "REPORT", report.id())
                .withDetail("receipt " + receiptNumber + (caseRef == null ? "" : ", case " + caseRef.id())));
        events.publishEvent(new ReportReceived(report.id(), receiptNumber, report.caseId(), submission.villageCode(),
                alert, report.linkedToExisting(), caseRef == null ? null : caseRef.caseNumber()));
        if (!duplicates.isEmpty()) {
            events.publishEvent(new PossibleDuplicateReported(report.id(), report.caseId(), submission.villageCode(),
                    List.copyOf(duplicates)));
        }
        return disclosure.receipt(report, user);
    }

    private void recordReporter(Report report, ReportSubmission.Reporter reporter, CurrentUser user) {
        if (user.is(Role.REPORTER)) {
            // a mandated reporter's institution is the account's, whatever the body says
            report.reporter(false, reporter == null ? null : Texts.blankToNull(reporter.name()),
                    reporter == null ? null : reporterCipher.encrypt(Texts.blankToNull(reporter.phone())), user.institutionType(),
                    user.institutionName());
            return;
        }
        if (reporter == null || reporter.anonymous()) {
            report.reporter(true, null, null, null, null);
            return;
        }
        report.reporter(false, Texts.blankToNull(reporter.name()), reporterCipher.encrypt(Texts.blankToNull(reporter.phone())),
                reporter.institutionType(), Texts.blankToNull(reporter.institutionName()));
    }

    private static Channel channelFor(ReportSubmission submission, CurrentUser user) {
        if (user.is(Role.EXCHANGE_12345)) {
            return Channel.REFERRAL_12345; // coop (issue 16): a ticket forwarded by the 12345 platform
        }
        return user.is(Role.REPORTER) ? Channel.INSTITUTION : submission.channel();
    }

    private boolean isGirlUnder14(ChildData child) {
        if (child == null) {
            return false;
        }
        var id = cn.childprotect.cms.people.ResidentIdNumber.parse(child.idNumber());
        Sex sex = child.sex() != null && child.sex() != Sex.UNKNOWN ? child.sex()
                : id.map(cn.childprotect.cms.people.ResidentIdNumber::sex).orElse(Sex.UNKNOWN);
        var birth = child.birthDate() != null ? child.birthDate()
                : id.map(cn.childprotect.cms.people.ResidentIdNumber::birthDate).orElse(null);
        Integer age = new ChildSummary(0, null, sex, birth, child.estimatedAge(), false, null, null, null, null, null,
                false).ageOn(time.today());
        return sex == Sex.FEMALE && age != null && age < 14;
    }
}
