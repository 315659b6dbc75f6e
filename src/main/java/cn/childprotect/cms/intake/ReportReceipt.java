package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the filer gets back at once. {@code replayed} is true when the same Idempotency-Key and
 * body came again and this is the first result. {@code possibleDuplicates} are open cases of
 * children who may be the same one, for a person to confirm (never shown to REPORTER accounts).
 */
public record ReportReceipt(long reportId, String receiptNumber, Instant receivedAt, Set<String> categories,
        Long caseId, String caseNumber, boolean linkedToExistingCase, List<PossibleDuplicate> possibleDuplicates,
        Instant policeNotificationDue, boolean replayed) implements java.io.Serializable {

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
                linkedToExistingCase, possibleDuplicates, policeNotificationDue, true);
    }
}
