package cn.childprotect.cms.assessment;

import java.time.Instant;

import cn.childprotect.cms.cases.RiskLevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One risk assessment of a case. Editable while DRAFT; once COMPLETED it never changes again,
 * except that a supervisor confirms (or changes, with a reason) a HIGH or CRITICAL level, which
 * only then counts.
 */
@Entity
@Table(name = "assessment_assessment")
class Assessment {

    enum Status { DRAFT, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "instrument_version")
    private String instrumentVersion;

    @Enumerated(EnumType.STRING)
    private Status status;

    /** The answers as JSON {itemCode: optionCode}. */
    private String answers;

    private String rationale;

    private Integer score;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_level")
    private RiskLevel computedLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_level")
    private RiskLevel finalLevel;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmation_reason")
    private String confirmationReason;

    private String assessor;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Assessment() {
    }

    Assessment(long caseId, String instrumentVersion, String answers, String rationale, String assessor, Instant at) {
        this.caseId = caseId;
        this.instrumentVersion = instrumentVersion;
        this.answers = answers;
        this.rationale = rationale;
        this.assessor = assessor;
        this.createdAt = at;
        this.status = Status.DRAFT;
    }

    void edit(String newAnswers, String newRationale) {
        this.answers = newAnswers;
        this.rationale = newRationale;
    }

    void complete(int computedScore, RiskLevel level, Instant at) {
        this.status = Status.COMPLETED;
        this.score = computedScore;
        this.computedLevel = level;
        this.completedAt = at;
        if (!level.needsConfirmation()) {
            this.finalLevel = level;
        }
    }

    void confirm(RiskLevel level, String by, String reason, Instant at) {
        this.finalLevel = level;
        this.confirmedBy = by;
        this.confirmationReason = reason;
        this.confirmedAt = at;
    }

    /** Counts for the workflow: completed, and confirmed when the computed level needs it. */
    boolean counts() {
        return status == Status.COMPLETED && finalLevel != null;
    }

    Long id() { return id; }
    long caseId() { return caseId; }
    String instrumentVersion() { return instrumentVersion; }
    Status status() { return status; }
    String answers() { return answers; }
    String rationale() { return rationale; }
    Integer score() { return score; }
    RiskLevel computedLevel() { return computedLevel; }
    RiskLevel finalLevel() { return finalLevel; }
    String confirmedBy() { return confirmedBy; }
    Instant confirmedAt() { return confirmedAt; }
    String confirmationReason() { return confirmationReason; }
    String assessor() { return assessor; }
    Instant createdAt() { return createdAt; }
    Instant completedAt() { return completedAt; }
    long version() { return version; }
}
