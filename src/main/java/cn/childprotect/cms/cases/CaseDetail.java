package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The case file as its workers see it; {@code allowedEvents} are the events this caller may fire now. */
public record CaseDetail(long id, String caseNumber, CaseStatus status, String statusLabel, long version,
        String villageCode, String villageName, Set<String> categories, boolean urgent, RiskLevel riskLevel,
        String assignee, Instant openedAt, Instant statusEnteredAt, Instant statusDeadline, boolean overdue,
        Instant closedAt, String outcomeReason, Long mergedInto, long childId, Object child,
        List<AllowedEvent> allowedEvents, Map<String, Object> sections) {

    public record AllowedEvent(CaseEvent event, String label, boolean needsReason) {
    }
}
