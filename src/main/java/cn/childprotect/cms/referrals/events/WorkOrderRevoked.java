package cn.childprotect.cms.referrals.events;

/** 撤回：the dispatcher withdrew the order. Ids only. */
public record WorkOrderRevoked(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
