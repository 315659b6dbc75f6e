package cn.childprotect.cms.referrals.events;

/** 反馈：the agency answered. Ids only. */
public record WorkOrderResponded(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
