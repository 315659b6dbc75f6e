package cn.childprotect.cms.referrals.events;

/** 重办 after an unsatisfied callback: the completed order is open again. Ids only. */
public record WorkOrderRedone(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
