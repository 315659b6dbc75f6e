package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.Set;

/**
 * A case of a child as the history of involvement lists it (docs/domain.md §8); {@code outcomeReason}
 * is free text and only for those who work the case (the caller decides).
 */
public record ChildCaseRow(long id, String caseNumber, long childId, String villageCode, CaseStatus status,
        String statusLabel, Set<String> categories, Instant openedAt, Instant closedAt, String outcomeReason,
        Long mergedInto) {
}
