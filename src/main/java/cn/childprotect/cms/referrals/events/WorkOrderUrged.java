package cn.childprotect.cms.referrals.events;

/** 督办：a supervisor urged the agency on an overdue order. Ids only. */
public record WorkOrderUrged(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
