package cn.childprotect.cms.cases;

import java.time.Instant;

/** A case's state after a command, with the version to send as If-Match next time. */
public record CaseState(long id, String caseNumber, CaseStatus status, String statusLabel, long version,
        Instant statusDeadline, String assignee) {
}
