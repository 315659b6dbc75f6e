package cn.childprotect.cms.escalations;

import java.time.Instant;
import java.util.List;

/** An item of the review queue, with links to the case and the endpoints that act on it. */
public record EscalationView(long id, EscalationKind kind, String kindLabel, EscalationLevel level, int severity,
        String status, Long caseId, String caseNumber, String villageCode, String villageName, long sourceId,
        Instant sourceDeadline, Instant raisedAt, long ageMinutes, String acknowledgedBy, String resolvedBy,
        String resolutionNote, List<Action> actions) {

    /** Something to do about the item through an existing endpoint. */
    public record Action(String label, String method, String href) {
    }
}
