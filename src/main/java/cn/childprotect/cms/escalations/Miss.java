package cn.childprotect.cms.escalations;

import java.time.Instant;

/** A missed deadline as the sweep found it. */
record Miss(EscalationKind kind, long sourceId, Instant deadline, Long caseId, String villageCode) {
}
