package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.Set;

/**
 * A row of the case list. {@code childLabel} is the child's name for those who work the case
 * and a masked form (张**) for everyone else.
 */
public record CaseListRow(long id, String caseNumber, CaseStatus status, String statusLabel, String villageCode,
        String villageName, Set<String> categories, boolean urgent, RiskLevel riskLevel, String assignee,
        Instant openedAt, Instant statusDeadline, boolean overdue, long childId, String childLabel,
        boolean masked) {
}
