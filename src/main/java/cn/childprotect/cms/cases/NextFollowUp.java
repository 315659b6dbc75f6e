package cn.childprotect.cms.cases;

import java.time.Instant;

/**
 * What recording a follow-up visit did to the case: when the next visit is due, and the case's
 * version after it (the version a command fired next on the case in the same work carries).
 */
public record NextFollowUp(Instant nextDue, long caseVersion) {
}
