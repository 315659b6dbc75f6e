package cn.childprotect.cms.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.OpenCaseCommand;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.intake.events.PoliceNotificationRecorded;
import cn.childprotect.cms.intake.events.PossibleDuplicateReported;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.intake.events.ReportRelinked;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.ChildMatch;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.SequenceNumbers;
import cn.childprotect.cms.shared.TransientDatabaseFailures;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The intake module's facade for filing reports. A report, its child, its case (new or linked),
 * the timeline entry, the audit row and the Idempotency-Key claim commit together or not at all.
 */
@Service
public class IntakeDesk {

    static final Set<Role> MAY_FILE = Set.of(Role.HOTLINE_OPERATOR, Role.REPORTER, Role.SUPERVISOR,
            Role.EXCHANGE_12345);
    /** The counter of report ids (V8_7_1), shared with no AUTO_INCREMENT insert. */
    private static final String REPORT_IDS = "id:intake_report";
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Reports reports;
    private final IdempotencyKeys idempotency;
    private final ReportTaxonomy taxonomy;
    private final ChildRegistry children;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final SequenceNumbers sequences;
    private final ContactCipher reporterCipher;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ReportDisclosure disclosure;

    IntakeDesk(Reports reports, IdempotencyKeys idempotency, ReportTaxonomy taxonomy, ChildRegistry children,
            CaseFiles caseFiles, Jurisdictions jurisdictions, SequenceNumbers sequences,
            ContactCipher reporterCipher, SlaPolicy sla, WorkingCalendar calendar, TransactionTemplate tx,
            ApplicationEventPublisher events, BusinessTime time, JsonMapper json, MessageSource messages,
            ReportDisclosure disclosure) {
        this.messages = messages;
        this.reports = reports;
        this.idempotency = idempotency;
        this.taxonomy = taxonomy;
        this.children = children;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.sequences = sequences;
        this.reporterCipher = reporterCipher;
        this.sla = sla;
        this.calendar = calendar;
        this.tx = tx;
        this.events = events;
        this.time = time;
        this.json = json;
        this.disclosure = disclosure;
    }

    /**
     * Files a report. With an Idempotency-Key, a repeat with the same body returns the first
     * result ({@code replayed}); the same key with another body is a 422 problem; of concurrent
     * requests with one key exactly one is stored.
     */
    /** Who may file reports: the hotline, mandated reporters and supervisors. */
    public static boolean mayFile(CurrentUser user) {
        return MAY_FILE.contains(user.role());
    }

    public ReportReceipt submit(ReportSubmission submission, String idempotencyKey, CurrentUser user) {
        if (!mayFile(user)) {
            throw Refusal.notAllowed("intake.refusal.may-not-file");
        }
        if (user.is(Role.REPORTER) && (idempotencyKey == null || idempotencyKey.isBlank())) {
            throw Refusal.badRequest("idempotency-key-required",
                    "intake.refusal.idempotency-key-required")
                    .with("errors", List.of(Map.of("field", "Idempotency-Key", "message", messages.getMessage("intake.refusal.required", null,
                            LocaleContextHolder.getLocale()))));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw Refusal.invalidField("Idempotency-Key", "intake.refusal.idempotency-key-length", 1, 100);
        }
        if (submission.channel() == Channel.MONITORING) {
            // only a register visit files on this channel (fileFromMonitoring), never a form or a client
            throw Refusal.invalidField("channel", "register.error.monitoring-channel");
        }
        validate(submission, user);
        if (idempotencyKey == null) {
            return tx.execute(status -> file(submission, user));
        }
        String hash = hashOf(submission);
        // With a key, a transient database failure is retried once: the claim and the report commit
        // together, so a repeat either files it (the first attempt was rolled back) or finds the
        // first attempt's receipt (its commit went through after all). Without a key it is not.
        return TransientDatabaseFailures.retryOnce("filing a report with an Idempotency-Key",
                () -> fileWithKey(submission, idempotencyKey, hash, user));
    }

    /**
     * A register visit that found harm files its report in one step (docs/domain.md §6.2): channel
     * MONITORING, by the village's child director or a supervisor, in the caller's transaction, so
     * the visit and the report (and the case it opens or joins) commit together.
     */
    public ReportReceipt fileFromMonitoring(ReportSubmission submission, CurrentUser user) {
        if (!user.is(Role.CHILD_DIRECTOR) && !user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("register.error.role");
        }
        ReportSubmission monitoring = new ReportSubmission(Channel.MONITORING, submission.categories(),
                submission.urgent(), submission.occurredAt(), submission.villageCode(), submission.narrative(),
                submission.child(), submission.reporter(), submission.police(), submission.pregnancyOrAbortion());
        validate(monitoring, user);
        return tx.execute(status -> file(monitoring, user));
    }

    private ReportReceipt fileWithKey(ReportSubmission submission, String idempotencyKey, String hash, CurrentUser user) {
        Optional<ReportReceipt> earlier = replay(user, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return tx.execute(status -> {
                idempotency.claim(user.username(), idempotencyKey, hash, time.now());
                ReportReceipt receipt = file(submission, user);
                idempotency.complete(user.username(), idempotencyKey, receipt.reportId());
                return receipt;
            });
        }
        catch (DataIntegrityViolationException lostTheRace) {
            return awaitWinner(user, idempotencyKey, hash);
        }
        catch (ConcurrencyFailureException deadlocked) {
            // a deadlock among requests with this key: the winner's receipt if one committed; else transient
            return replay(user, idempotencyKey, hash).orElseThrow(() -> deadlocked);
        }
    }

    /** The concurrent request that claimed the key first is committing: wait for its result. */
    private ReportReceipt awaitWinner(CurrentUser user, String key, String hash) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<ReportReceipt> earlier = replay(user, key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Refusal.invalidState("idempotency-key-in-progress", "intake.refusal.idempotency-key-in-progress");
    }

    private Optional<ReportReceipt> replay(CurrentUser user, String key, String hash) {
        return tx.execute(status -> idempotency.find(user.username(), key).filter(c -> c.reportId() != null).map(claim -> {
            if (!claim.requestHash().equals(hash)) {
                throw Refusal.unmet("idempotency-key-reused",
                        "intake.refusal.idempotency-key-reused")
                        .with("receiptNumber", reports.findById(claim.reportId()).map(Report::receiptNumber).orElse(null));
            }
            Report report = reports.findById(claim.reportId()).orElseThrow();
            return disclosure.receipt(report, user).asReplay();
        }));
    }

    private ReportReceipt file(ReportSubmission submission, CurrentUser user) {
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
            report.awaitPoliceNotification(SlaDuration.parse(sla.policeNotification()).addTo(now, calendar));
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

    // --- validation ---------------------------------------------------------------------------

    private void validate(ReportSubmission s, CurrentUser user) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (s.channel() == null && !user.is(Role.REPORTER)) {
            errors.add(err("channel", "intake.error.channel-required"));
        }
        if (s.categories() == null || s.categories().isEmpty()) {
            errors.add(err("categories", "intake.error.category-required"));
        }
        else {
            for (int i = 0; i < s.categories().size(); i++) {
                String code = s.categories().get(i);
                if (taxonomy.category(code).isEmpty()) {
                    errors.add(err("categories[" + i + "]", "intake.error.category-unknown", code));
                }
            }
        }
        if (s.villageCode() == null || !jurisdictions.isKnownVillage(s.villageCode())) {
            errors.add(err("villageCode", "intake.error.village"));
        }
        if (s.narrative() == null || s.narrative().isBlank()) {
            errors.add(err("narrative", "intake.error.narrative-required"));
        }
        else if (s.narrative().length() > 10_000) {
            errors.add(err("narrative", "intake.error.narrative-too-long"));
        }
        Instant latest = time.now().plusSeconds(300);
        if (s.occurredAt() != null && s.occurredAt().isAfter(latest)) {
            errors.add(err("occurredAt", "intake.error.occurred-in-future"));
        }
        errors.addAll(children.validate(s.child(), "child"));
        ReportSubmission.Reporter reporter = s.reporter();
        if (!user.is(Role.REPORTER)) {
            boolean anonymous = reporter == null || reporter.anonymous();
            if (anonymous && s.channel() == Channel.INSTITUTION) {
                errors.add(err("reporter.name", "intake.error.institution-anonymous"));
            }
            if (!anonymous && (reporter.name() == null || reporter.name().isBlank())) {
                errors.add(err("reporter.name", "intake.error.reporter-name-required"));
            }
        }
        if (reporter != null) {
            if (reporter.name() != null && reporter.name().length() > 50) {
                errors.add(err("reporter.name", "intake.error.reporter-name-too-long"));
            }
            if (reporter.phone() != null && !reporter.phone().isBlank() && !reporter.phone().strip().matches("[0-9+\\- ]{5,20}")) {
                errors.add(err("reporter.phone", "intake.error.phone"));
            }
            if (reporter.institutionName() != null && reporter.institutionName().length() > 100) {
                errors.add(err("reporter.institutionName", "intake.error.institution-name-too-long"));
            }
        }
        ReportSubmission.PoliceNotification police = s.police();
        if (police != null && (police.notifiedAt() != null || police.station() != null || police.receiptNumber() != null)) {
            errors.addAll(validatePolice(police, "police"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
    }

    List<Refusal.FieldError> validatePolice(ReportSubmission.PoliceNotification police, String prefix) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (police.notifiedAt() == null) {
            errors.add(err(prefix + ".notifiedAt", "intake.error.police-time-required"));
        }
        else if (police.notifiedAt().isAfter(time.now().plusSeconds(300))) {
            errors.add(err(prefix + ".notifiedAt", "intake.error.police-time-future"));
        }
        if (police.station() == null || police.station().isBlank() || police.station().length() > 100) {
            errors.add(err(prefix + ".station", "intake.error.police-station"));
        }
        if (police.receiptNumber() != null && police.receiptNumber().length() > 50) {
            errors.add(err(prefix + ".receiptNumber", "intake.error.police-receipt-too-long"));
        }
        return errors;
    }

    // --- after filing ---------------------------------------------------------------------------

    /** Records the police notification of a report; meets its "police to be notified" deadline. */
    public ReportView recordPoliceNotification(long reportId, ReportSubmission.PoliceNotification police,
            CurrentUser user, IntakeQueries queries) {
        List<Refusal.FieldError> errors = validatePolice(police, "police");
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
     * opened, if it has no other report and is still RECEIVED, is merged into the chosen one.
     */
    public ReportView linkToCase(long reportId, long targetCaseId, CurrentUser user, IntakeQueries queries) {
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
                    String note = messages.getMessage("intake.timeline.relinked",
                            new Object[] {report.receiptNumber(), target.caseNumber()}, Locale.SIMPLIFIED_CHINESE);
                    if (user.is(Role.SUPERVISOR)) {
                        caseFiles.transition(previous, new TransitionCommand(CaseEvent.MERGE, note, null, targetCaseId),
                                caseFiles.currentVersion(previous), user);
                    }
                    else {
                        caseFiles.mergeOpenedInError(previous, targetCaseId, note, user);
                    }
                }
            }
            events.publishEvent(AuditEvent.success(user.username(), "REPORT_RELINKED", "REPORT", reportId)
                    .withDetail("case " + previous + " -> " + targetCaseId));
            events.publishEvent(new ReportRelinked(reportId, targetCaseId));
            return queries.viewOf(report, user);
        });
    }

    private String hashOf(ReportSubmission submission) {
        try {
            byte[] canonical = json.writeValueAsBytes(submission);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private static Refusal.FieldError err(String field, String key, Object... args) {
        return new Refusal.FieldError(field, key, args);
    }
}
