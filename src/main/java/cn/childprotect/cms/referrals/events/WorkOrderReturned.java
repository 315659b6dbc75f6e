package cn.childprotect.cms.referrals.events;

/** 退回：the agency sent the order back to the dispatcher. Ids only. */
public record WorkOrderReturned(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
