package cn.childprotect.cms.intake;

import java.util.Set;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake module's facade for filing reports: who may file, on which channel, the checks
 * ({@link ReportValidation}), then the filing ({@link ReportFiling}), once per Idempotency-Key
 * when one is given ({@link IdempotentSubmissions}). A report, its child, its case (new or
 * linked), the timeline entry, the audit row and the key's claim commit together or not at all.
 * What is done to a report later is {@link ReportAmendments}'.
 */
@Service
public class IntakeDesk {

    static final Set<Role> MAY_FILE = Set.of(Role.HOTLINE_OPERATOR, Role.REPORTER, Role.SUPERVISOR,
            Role.EXCHANGE_12345);

    private final ReportValidation validation;
    private final ReportFiling filing;
    private final IdempotentSubmissions idempotent;
    private final TransactionTemplate tx;

    IntakeDesk(ReportValidation validation, ReportFiling filing, IdempotentSubmissions idempotent,
            TransactionTemplate tx) {
        this.validation = validation;
        this.filing = filing;
        this.idempotent = idempotent;
        this.tx = tx;
    }

    /** Who may file reports: the hotline, mandated reporters and supervisors. */
    public static boolean mayFile(CurrentUser user) {
        return MAY_FILE.contains(user.role());
    }

    /**
     * Files a report. With an Idempotency-Key, a repeat with the same body returns the first
     * result ({@code replayed}); the same key with another body is a 422 problem; of concurrent
     * requests with one key exactly one is stored.
     */
    public ReportReceipt submit(ReportSubmission submission, String idempotencyKey, CurrentUser user) {
        if (!mayFile(user)) {
            throw Refusal.notAllowed("intake.refusal.may-not-file");
        }
        if (user.is(Role.REPORTER) && (idempotencyKey == null || idempotencyKey.isBlank())) {
            throw Refusal.badRequest("idempotency-key-required", "intake.refusal.idempotency-key-required")
                    .withFieldError("Idempotency-Key", "intake.refusal.required");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw Refusal.invalidField("Idempotency-Key", "intake.refusal.idempotency-key-length", 1, 100);
        }
        if (submission.channel() == Channel.MONITORING) {
            // only a register visit files on this channel (fileFromMonitoring), never a form or a client
            throw Refusal.invalidField("channel", "register.error.monitoring-channel");
        }
        validation.validate(submission, user);
        if (idempotencyKey == null) {
            return tx.execute(status -> filing.file(submission, user));
        }
        return idempotent.fileOnce(submission, idempotencyKey, user);
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
        validation.validate(monitoring, user);
        return tx.execute(status -> filing.file(monitoring, user));
    }
}
