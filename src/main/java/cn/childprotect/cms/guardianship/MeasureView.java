package cn.childprotect.cms.guardianship;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A measure as those who work its case see it: fields, deadline, history, the steps open to it now. */
public record MeasureView(long id, long caseId, String caseNumber, String villageCode, MeasureType type,
        String typeLabel, MeasureStatus status, String statusLabel, boolean ended, String applicant, String body,
        String referenceNumber, boolean urgent, Instant occurredAt, Instant decidedAt, Instant validFrom,
        Instant validUntil, String ground, Placement placement, String placementLabel, String place, String servedOn,
        Instant servedAt, String committeeNotified, String groundsText, String newGuardian, Instant observationUntil,
        DeadlineKind deadlineKind, String deadlineKindLabel, Instant nextDeadline, boolean overdue, long version,
        String createdBy, Instant createdAt, List<Step> history, List<AllowedStep> allowedSteps,
        List<String> offeredCaseEvents) {

    public record Step(Instant occurredAt, String actor, MeasureStep step, String stepLabel, MeasureStatus to,
            String toLabel, String note) {
    }

    /** A step of the type's table that the measure's status allows (the viewer's role is checked when it is taken). */
    public record AllowedStep(MeasureStep step, String label, MeasureSteps.Who who, Set<MeasureField> requiredFields) {
    }
}
