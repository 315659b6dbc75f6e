package cn.childprotect.cms.referrals.events;

/** 重新派单：a returned order went out again, possibly to another agency. Ids only. */
public record WorkOrderRedispatched(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
