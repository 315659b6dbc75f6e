package cn.childprotect.cms.referrals;

import java.time.Instant;

/** An overdue work order, for the escalation sweep. */
public record WorkOrderDue(long workOrderId, long caseId, String villageCode, String agencyCode,
        WorkOrderStatus status, Instant dueAt) {
}
