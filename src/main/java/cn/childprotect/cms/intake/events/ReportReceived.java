package cn.childprotect.cms.intake.events;

/**
 * A report was accepted (after commit). {@code alert}: a mandatory-report category, GD05 or
 * marked urgent — the township and county supervisors are told at once. Ids only.
 */
public record ReportReceived(long reportId, String receiptNumber, Long caseId, String villageCode, boolean alert,
        boolean linkedToExistingCase) {
}
