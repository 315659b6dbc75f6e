package cn.childprotect.cms.referrals;

import java.time.Instant;

/** An extension request as the agency and the dispatching side see it; the original deadline stays. */
public record ExtensionView(long id, long workOrderId, String requestedBy, Instant requestedAt, String reason,
        Instant originalDueAt, Instant requestedDueAt, String status, String decidedBy, Instant decidedAt,
        Instant grantedDueAt, String decisionNote) {
}
