package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/**
 * The case aggregate. Its {@code status} column is the source of truth of the workflow; the
 * state's deadline is computed on entry and stored (indexed) so "overdue" is a range query.
 */
@Entity
@Table(name = "cases_case")
class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(name = "child_id")
    private long childId;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Column(name = "status_entered_at")
    private Instant statusEnteredAt;

    @Column(name = "status_deadline")
    private Instant statusDeadline;

    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    private String assignee;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    @Column(name = "merged_into")
    private Long mergedInto;

    /** Loaded for a whole page of cases in one query, not one per row. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "cases_case_category", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "category")
    private Set<String> categories = new LinkedHashSet<>();

    @Version
    private long version;

    protected CaseFile() {
    }

    CaseFile(String caseNumber, long childId, String villageCode, Set<String> categories, boolean urgent,
            Instant openedAt, Instant deadline) {
        this.caseNumber = caseNumber;
        this.childId = childId;
        this.villageCode = villageCode;
        this.categories.addAll(categories);
        this.urgent = urgent;
        this.openedAt = openedAt;
        this.status = CaseStatus.RECEIVED;
        this.statusEnteredAt = openedAt;
        this.statusDeadline = deadline;
    }

    /** Called only by the workflow after the state machine accepted the event. */
    void enter(CaseStatus newStatus, Instant at, Instant deadline, String reason) {
        this.status = newStatus;
        this.statusEnteredAt = at;
        this.statusDeadline = deadline;
        if (newStatus == CaseStatus.CLOSED || newStatus == CaseStatus.SCREENED_OUT || newStatus == CaseStatus.MERGED) {
            this.closedAt = at;
        }
        else {
            this.closedAt = null;
        }
        if (reason != null && !reason.isBlank()) {
            this.outcomeReason = reason;
        }
    }

    void mergeInto(long targetCaseId) {
        this.mergedInto = targetCaseId;
    }

    void assignTo(String username) {
        this.assignee = username;
    }

    void recordRiskLevel(RiskLevel level) {
        this.riskLevel = level;
    }

    void rescheduleDeadline(Instant deadline) {
        this.statusDeadline = deadline;
    }

    Long id() {
        return id;
    }

    String caseNumber() {
        return caseNumber;
    }

    String villageCode() {
        return villageCode;
    }

    long childId() {
        return childId;
    }

    CaseStatus status() {
        return status;
    }

    Instant statusEnteredAt() {
        return statusEnteredAt;
    }

    Instant statusDeadline() {
        return statusDeadline;
    }

    boolean urgent() {
        return urgent;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    String assignee() {
        return assignee;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String outcomeReason() {
        return outcomeReason;
    }

    Long mergedInto() {
        return mergedInto;
    }

    Set<String> categories() {
        return Set.copyOf(categories);
    }

    long version() {
        return version;
    }

    boolean isOverdueAt(Instant now) {
        return statusDeadline != null && statusDeadline.isBefore(now);
    }

    CaseRef toRef() {
        return new CaseRef(id, caseNumber, status, villageCode, version);
    }
}
