package cn.childprotect.cms.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The current support plan of a case; every saved version is also kept in the plan history. */
@Entity
@Table(name = "assessment_support_plan")
class SupportPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    private String goals;

    /** The services as a JSON array of {@link PlanService}. */
    private String services;

    @Column(name = "service_count")
    private int serviceCount;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SupportPlan() {
    }

    SupportPlan(long caseId) {
        this.caseId = caseId;
    }

    void revise(String newGoals, String servicesJson, int count, String by, Instant at) {
        this.goals = newGoals;
        this.services = servicesJson;
        this.serviceCount = count;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long id() { return id; }
    long caseId() { return caseId; }
    String goals() { return goals; }
    String services() { return services; }
    int serviceCount() { return serviceCount; }
    String updatedBy() { return updatedBy; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
