package cn.childprotect.cms.referrals.events;

/** 回访: a callback to the reporter or the family was recorded. Ids only. */
public record WorkOrderCallbackRecorded(long workOrderId, long stepId, long caseId, String agencyCode) implements WorkOrderEvent {
}
