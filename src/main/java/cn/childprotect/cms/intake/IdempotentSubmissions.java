package cn.childprotect.cms.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.TransientDatabaseFailures;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Filing with an Idempotency-Key: the key is claimed in the transaction that files the report and
 * completed with its id, so both commit together. A repeat with the same body gets the first
 * receipt back ({@code replayed}); the same key with another body is refused; of concurrent
 * requests with one key exactly one files, the others wait for its receipt.
 */
@Component
class IdempotentSubmissions {

    private final IdempotencyKeys idempotency;
    private final Reports reports;
    private final ReportFiling filing;
    private final ReportDisclosure disclosure;
    private final TransactionTemplate tx;
    private final BusinessTime time;
    private final JsonMapper json;

    IdempotentSubmissions(IdempotencyKeys idempotency, Reports reports, ReportFiling filing, ReportDisclosure disclosure,
            TransactionTemplate tx, BusinessTime time, JsonMapper json) {
        this.idempotency = idempotency;
        this.reports = reports;
        this.filing = filing;
        this.disclosure = disclosure;
        this.tx = tx;
        this.time = time;
        this.json = json;
    }

    /** Files a validated report once for this account and key. */
    ReportReceipt fileOnce(ReportSubmission submission, String idempotencyKey, CurrentUser user) {
        String hash = hashOf(submission);
        // With a key, a transient database failure is retried once: the claim and the report commit
        // together, so a repeat either files it (the first attempt was rolled back) or finds the
        // first attempt's receipt (its commit went through after all). Without a key it is not.
        return TransientDatabaseFailures.retryOnce("filing a report with an Idempotency-Key",
                () -> fileWithKey(submission, idempotencyKey, hash, user));
    }

    private ReportReceipt fileWithKey(ReportSubmission submission, String idempotencyKey, String hash, CurrentUser user) {
        Optional<ReportReceipt> earlier = replay(user, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return tx.execute(status -> {
                idempotency.claim(user.username(), idempotencyKey, hash, time.now());
                ReportReceipt receipt = filing.file(submission, user);
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

    private String hashOf(ReportSubmission submission) {
        try {
            byte[] canonical = json.writeValueAsBytes(submission);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
