package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.util.List;

/**
 * A work order as both sides see it: the request, the summary written for the agency, the case
 * number, the case's state and village — never the reporter or the case file.
 */
public record WorkOrderView(long id, long caseId, String caseNumber, String caseStatus, String villageCode,
        String villageName, String agencyCode, String agencyName, WorkOrderStatus status, String statusLabel,
        String requestText, String sharedSummary, String dispatchedBy, Instant dispatchedAt, Instant signBy,
        Instant signedAt, Instant respondBy, Instant respondedAt, String responseText, Instant dueAt, boolean overdue,
        int urgeCount, long version, List<Step> history, String role, Long leadOrderId, List<Part> parts,
        int extensionCount, int redoCount, List<ExtensionView> extensionRequests) {

    /** A co-handling part (协办) of a lead order, as the dispatching side sees it. */
    public record Part(long id, String agencyCode, String agencyName, WorkOrderStatus status, String statusLabel,
            Instant dueAt, boolean overdue, String responseText) {
    }

    public record Step(Instant occurredAt, String actor, WorkOrderAction action, String actionLabel, String note) {
    }
}
