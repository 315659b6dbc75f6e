package cn.childprotect.cms.cases;

import java.time.Instant;

/** A case's state and since when it is in it; enough to tell a reporting unit how its own report fares. */
public record CaseProgress(CaseStatus status, Instant since) {
}
