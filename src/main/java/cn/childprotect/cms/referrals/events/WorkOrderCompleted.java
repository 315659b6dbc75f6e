package cn.childprotect.cms.referrals.events;

/** 办结：the dispatcher accepted the answer. Ids only. */
public record WorkOrderCompleted(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
