package cn.childprotect.cms.guardianship;

import java.time.Instant;

/**
 * One line of the measures panel of a case and of the supervisor's list of active orders and
 * placements: what, where it stands, until when, and the next deadline.
 */
public record MeasureSummary(long id, long caseId, String caseNumber, MeasureType type, String typeLabel,
        MeasureStatus status, String statusLabel, boolean ended, String body, String place, Instant validUntil,
        DeadlineKind deadlineKind, String deadlineKindLabel, Instant nextDeadline, boolean overdue) {
}
