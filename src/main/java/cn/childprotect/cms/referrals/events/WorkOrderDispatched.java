package cn.childprotect.cms.referrals.events;

/** 派单：the order went to an agency. Ids only. */
public record WorkOrderDispatched(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
