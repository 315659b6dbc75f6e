package cn.childprotect.cms.referrals.events;

/** 延期不予批准: the deadline stays. Ids only. */
public record WorkOrderExtensionRefused(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
