package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The case itself as its workers see it; {@code allowedEvents} are the events this caller may fire
 * now. The whole case file (child, reports, support, work orders ...) is composed above the domain
 * modules by {@code casefile.CaseFilePage} (docs/domain.md §4, the case file).
 * The screening fields ({@code proposedPriority}, {@code responsePriority}, {@code firstContactDue} ...,
 * docs/domain.md §8) are flattened into it.
 */
public record CaseDetail(long id, String caseNumber, CaseStatus status, String statusLabel, long version,
        String villageCode, String villageName, Set<String> categories, boolean urgent, RiskLevel riskLevel,
        String assignee, Instant openedAt, Instant statusEnteredAt, Instant statusDeadline, boolean overdue,
        Instant closedAt, String outcomeReason, Long mergedInto, long childId, List<AllowedEvent> allowedEvents,
        @JsonUnwrapped ScreeningView screening) {

    public record AllowedEvent(CaseEvent event, String label, boolean needsReason) {
    }
}
