package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The case itself as its workers see it; {@code allowedEvents} are the events this caller may fire
 * now. The whole case file (child, reports, support, work orders ...) is composed above the domain
 * modules by {@code casefile.CaseFilePage} (docs/domain.md §4, the case file).
 */
public record CaseDetail(long id, String caseNumber, CaseStatus status, String statusLabel, long version,
        String villageCode, String villageName, Set<String> categories, boolean urgent, RiskLevel riskLevel,
        String assignee, Instant openedAt, Instant statusEnteredAt, Instant statusDeadline, boolean overdue,
        Instant closedAt, String outcomeReason, Long mergedInto, long childId, List<AllowedEvent> allowedEvents) {

    public record AllowedEvent(CaseEvent event, String label, boolean needsReason) {
    }
}
