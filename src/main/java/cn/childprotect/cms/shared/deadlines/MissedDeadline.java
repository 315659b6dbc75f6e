package cn.childprotect.cms.shared.deadlines;

import java.time.Instant;

/**
 * One missed deadline: {@code kind} names a constant of the escalation kinds (e.g.
 * {@code REGISTER_VISIT}); {@code sourceId} is the id of the thing that is late in its own module;
 * {@code caseId} is set when the deadline belongs to a case; {@code villageCode} decides who sees it.
 * Ids and codes only, never personal data.
 */
public record MissedDeadline(String kind, long sourceId, Instant deadline, Long caseId, String villageCode) {

    /** Its place in the source's reading order. */
    public DeadlineKey key() {
        return new DeadlineKey(deadline, sourceId);
    }
}
