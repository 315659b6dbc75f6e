package cn.childprotect.cms.cases;

import java.time.Instant;

/** The part of a timeline entry that {@link CaseFiles#milestones(java.util.Collection)} reads. */
record TimelineMilestone(long caseId, CaseEvent event, CaseStatus fromStatus, Instant occurredAt) {
}
