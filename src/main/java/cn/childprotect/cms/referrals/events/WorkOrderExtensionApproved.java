package cn.childprotect.cms.referrals.events;

/** 延期批准: the order's deadline moved; the original stays on the request. Ids only. */
public record WorkOrderExtensionApproved(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
