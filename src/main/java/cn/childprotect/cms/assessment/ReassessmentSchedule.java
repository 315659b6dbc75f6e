package cn.childprotect.cms.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "assessment_schedule")
class ReassessmentSchedule {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "reassessment_due")
    private Instant reassessmentDue;

    @Version
    private long version;

    protected ReassessmentSchedule() {
    }

    ReassessmentSchedule(long caseId) {
        this.caseId = caseId;
    }

    void dueAt(Instant due) {
        this.reassessmentDue = due;
    }

    Long caseId() { return caseId; }
    Instant reassessmentDue() { return reassessmentDue; }
}
