package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.Set;

/**
 * When a case passed its milestones (docs/domain.md, "Statistics"): opened, the acceptance
 * deadline set on opening, first left RECEIVED (accepted, screened out, emergency or merged), first accepted, first declared an emergency, screened out, merged and
 * closed (the latest of each end; null when not passed). Codes and times only.
 */
public record CaseMilestones(long caseId, String villageCode, CaseStatus status, Set<String> categories,
        Instant openedAt, Instant acceptanceDue, Instant decidedAt, Instant acceptedAt, Instant emergencyAt, Instant screenedOutAt,
        Instant mergedAt, Instant closedAt) {
}
