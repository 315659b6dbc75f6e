package cn.childprotect.cms.escalations.events;

import java.util.List;

/**
 * The open items of a case resolved because the case ended (closed, screened out, merged), in the
 * case's transaction. No timeline line (the case's own change says it); the statistics rollup
 * counts them as resolved on that day.
 */
public record EscalationsResolvedWithCase(long caseId, List<Long> escalationIds) {
}
