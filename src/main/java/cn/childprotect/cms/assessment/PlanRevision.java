package cn.childprotect.cms.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A saved version of a support plan: the plan's history. */
@Entity
@Immutable
@Table(name = "assessment_plan_revision")
class PlanRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "revised_at")
    private Instant revisedAt;

    @Column(name = "revised_by")
    private String revisedBy;

    private String goals;

    private String services;

    protected PlanRevision() {
    }

    PlanRevision(long caseId, Instant revisedAt, String revisedBy, String goals, String services) {
        this.caseId = caseId;
        this.revisedAt = revisedAt;
        this.revisedBy = revisedBy;
        this.goals = goals;
        this.services = services;
    }

    Long id() { return id; }
    Instant revisedAt() { return revisedAt; }
    String revisedBy() { return revisedBy; }
    String goals() { return goals; }
    String services() { return services; }
}
