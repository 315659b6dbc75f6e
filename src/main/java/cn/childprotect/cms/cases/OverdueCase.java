package cn.childprotect.cms.cases;

import java.time.Instant;

/** A case whose current state's deadline has passed. */
public record OverdueCase(long caseId, String villageCode, CaseStatus status, Instant deadline) {
}
