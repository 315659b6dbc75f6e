package cn.childprotect.cms.referrals.events;

/** 重办：the dispatcher sent the answer back; the order is SIGNED again. Ids only. */
public record WorkOrderReopened(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
