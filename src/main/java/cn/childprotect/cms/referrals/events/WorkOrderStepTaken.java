package cn.childprotect.cms.referrals.events;

import cn.childprotect.cms.referrals.WorkOrderAction;

/** A step of a work order's lifecycle was taken (after commit). Ids only. */
public record WorkOrderStepTaken(long workOrderId, long stepId, long caseId, String agencyCode,
        WorkOrderAction action, String actor) {
}
