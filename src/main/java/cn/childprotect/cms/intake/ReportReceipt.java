package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the filer gets back at once. {@code replayed} is true when the same Idempotency-Key and
 * body came again and this is the first result.
 * <p>
 * A receipt is not an oracle: a REPORTER account gets its receipt only — {@code caseId},
 * {@code caseNumber} and {@code linkedToExistingCase} are null, so it cannot learn whether the
 * child already had a case. Others see the case and {@code possibleDuplicates} (open cases of
 * children who may be the same one) only where their scope covers them;
 * {@code possibleMatchOutsideScope} says that a match exists elsewhere, which a supervisor who
 * may see both is given to confirm.
 */
public record ReportReceipt(long reportId, String receiptNumber, Instant receivedAt, Set<String> categories,
        Long caseId, String caseNumber, Boolean linkedToExistingCase, List<PossibleDuplicate> possibleDuplicates,
        boolean possibleMatchOutsideScope, Instant policeNotificationDue, boolean replayed)
        implements java.io.Serializable {

    /**
     * An open case of a child who may be the same one, with what lets a person tell them apart
     * without seeing more than a masked list row shows: the masked name, sex, age in years (from
     * the birth date or the estimate; never the date itself), village, the case's state and
     * when its latest report came in.
     */
    public record PossibleDuplicate(long caseId, String caseNumber, String status, String statusLabel,
            String childLabel, String sex, String sexLabel, Integer age, String villageName, Instant lastReportAt)
            implements java.io.Serializable {
    }

    ReportReceipt asReplay() {
        return new ReportReceipt(reportId, receiptNumber, receivedAt, categories, caseId, caseNumber,
                linkedToExistingCase, possibleDuplicates, possibleMatchOutsideScope, policeNotificationDue, true);
    }
}
