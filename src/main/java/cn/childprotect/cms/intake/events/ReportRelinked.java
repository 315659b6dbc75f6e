package cn.childprotect.cms.intake.events;

/** A person linked a report to the case it belongs to (a possible duplicate is settled). Ids only. */
public record ReportRelinked(long reportId, long caseId) {
}
