package cn.childprotect.cms.referrals.events;

/** 延期申请: the agency asked for a later deadline (coop, issue 16). Ids only. */
public record WorkOrderExtensionRequested(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
