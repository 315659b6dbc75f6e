package cn.childprotect.cms.referrals.events;

/** 签收：the agency signed; the respond-by deadline now runs. Ids only. */
public record WorkOrderSigned(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
