package cn.childprotect.cms.referrals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agency's request for a later deadline (延期申请). The deadline it had when it asked stays
 * here ({@code originalDueAt}); a supervisor of the dispatching side approves (the order's
 * deadline moves to {@code grantedDueAt}) or refuses.
 */
@Entity
@Table(name = "referrals_extension_request")
class ExtensionRequest {

    enum Status { PENDING, APPROVED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "work_order_id")
    private long workOrderId;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    private String reason;

    @Column(name = "original_due_at")
    private Instant originalDueAt;

    @Column(name = "requested_due_at")
    private Instant requestedDueAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "granted_due_at")
    private Instant grantedDueAt;

    @Column(name = "decision_note")
    private String decisionNote;

    protected ExtensionRequest() {
    }

    ExtensionRequest(long workOrderId, String requestedBy, Instant requestedAt, String reason, Instant originalDueAt,
            Instant requestedDueAt) {
        this.workOrderId = workOrderId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.reason = reason;
        this.originalDueAt = originalDueAt;
        this.requestedDueAt = requestedDueAt;
        this.status = Status.PENDING;
    }

    void approve(String by, Instant at, Instant granted, String note) {
        status = Status.APPROVED;
        decidedBy = by;
        decidedAt = at;
        grantedDueAt = granted;
        decisionNote = note;
    }

    void refuse(String by, Instant at, String note) {
        status = Status.REFUSED;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note;
    }

    ExtensionView toView() {
        return new ExtensionView(id, workOrderId, requestedBy, requestedAt, reason, originalDueAt, requestedDueAt,
                status.name(), decidedBy, decidedAt, grantedDueAt, decisionNote);
    }

    Long id() { return id; }
    long workOrderId() { return workOrderId; }
    Status status() { return status; }
    Instant requestedDueAt() { return requestedDueAt; }
}
