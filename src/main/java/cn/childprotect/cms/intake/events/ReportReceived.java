package cn.childprotect.cms.intake.events;

/**
 * A report was accepted (after commit). {@code alert}: a mandatory-report category, GD05 or
 * marked urgent — the township and county supervisors are told at once. Ids only, plus the case
 * number so that the alert need not read the case again (null in events stored before it was added).
 */
public record ReportReceived(long reportId, String receiptNumber, Long caseId, String villageCode, boolean alert,
        boolean linkedToExistingCase, String caseNumber) {
}
