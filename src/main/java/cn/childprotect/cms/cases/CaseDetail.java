package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The case file as its workers see it; {@code allowedEvents} are the events this caller may fire now;
 * the screening fields ({@code proposedPriority}, {@code responsePriority}, {@code firstContactDue} ...,
 * docs/domain.md §8) are flattened into it.
 */
public record CaseDetail(long id, String caseNumber, CaseStatus status, String statusLabel, long version,
        String villageCode, String villageName, Set<String> categories, boolean urgent, RiskLevel riskLevel,
        String assignee, Instant openedAt, Instant statusEnteredAt, Instant statusDeadline, boolean overdue,
        Instant closedAt, String outcomeReason, Long mergedInto, long childId, Object child,
        List<AllowedEvent> allowedEvents, Map<String, Object> sections,
        @JsonUnwrapped ScreeningView screening) {

    public record AllowedEvent(CaseEvent event, String label, boolean needsReason) {
    }
}
