package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.cases.RiskLevel;

/** What the assessment module shows: assessments, the support plan, visits. */
public final class SupportViews {

    private SupportViews() {
    }

    public record AssessmentView(long id, long caseId, String instrumentVersion, String status,
            Map<String, String> answers, String rationale, Integer score, RiskLevel computedLevel, RiskLevel finalLevel,
            boolean awaitingConfirmation, boolean counts, String assessor, Instant createdAt, Instant completedAt,
            String confirmedBy, Instant confirmedAt, String confirmationReason, List<String> appliedOverrides,
            long version) {
    }

    public record PlanView(long caseId, String goals, List<PlanService> services, String updatedBy, Instant updatedAt,
            long version) {
    }

    public record PlanRevisionView(long id, Instant revisedAt, String revisedBy, String goals, List<PlanService> services) {
    }

    public record Visit(long id, LocalDate visitedOn, String type, String personsSeen, String observations,
            String safety, String nextSteps, Instant nextDue, String recordedBy, Instant recordedAt) {
    }

    /** The support part of a case file: its assessments, the plan (null before there is one) and the visits. */
    public record OfCase(List<AssessmentView> assessments, PlanView plan, List<Visit> visits) {
    }
}
