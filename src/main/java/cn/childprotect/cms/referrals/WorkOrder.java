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
import jakarta.persistence.Version;

/**
 * A work order to an agency. {@code dueAt} is the deadline of the current step (sign-by while
 * DISPATCHED, respond-by while SIGNED, none otherwise), stored and indexed so "overdue" is a
 * range scan.
 */
@Entity
@Table(name = "referrals_work_order")
class WorkOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(name = "agency_code")
    private String agencyCode;

    @Enumerated(EnumType.STRING)
    private WorkOrderStatus status;

    @Column(name = "request_text")
    private String requestText;

    @Column(name = "shared_summary")
    private String sharedSummary;

    @Column(name = "dispatched_by")
    private String dispatchedBy;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "requested_deadline")
    private Instant requestedDeadline;

    @Column(name = "sign_by")
    private Instant signBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "respond_by")
    private Instant respondBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "response_text")
    private String responseText;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "urge_count")
    private int urgeCount;

    /** The lead order (主办) when this order is a co-handling part (协办); null for a lead or a single order. */
    @Column(name = "lead_order_id")
    private Long leadOrderId;

    @Column(name = "extension_count")
    private int extensionCount;

    @Column(name = "redo_count")
    private int redoCount;

    @Version
    private long version;

    protected WorkOrder() {
    }

    WorkOrder(long caseId, String caseNumber, String villageCode, String agencyCode, String requestText,
            String sharedSummary, String dispatchedBy, Instant dispatchedAt, Instant signBy, Instant requestedDeadline) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.villageCode = villageCode;
        this.agencyCode = agencyCode;
        this.requestText = requestText;
        this.sharedSummary = sharedSummary;
        this.dispatchedBy = dispatchedBy;
        this.dispatchedAt = dispatchedAt;
        this.requestedDeadline = requestedDeadline;
        this.status = WorkOrderStatus.DISPATCHED;
        this.signBy = signBy;
        this.dueAt = signBy;
    }

    void signed(Instant at, Instant respondDeadline) {
        status = WorkOrderStatus.SIGNED;
        signedAt = at;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
    }

    void returned() {
        status = WorkOrderStatus.RETURNED;
        dueAt = null;
    }

    void responded(Instant at, String answer) {
        status = WorkOrderStatus.RESPONDED;
        respondedAt = at;
        responseText = answer;
        dueAt = null;
    }

    void completed(Instant at) {
        status = WorkOrderStatus.COMPLETED;
        closedAt = at;
        dueAt = null;
    }

    void reopened(Instant respondDeadline) {
        status = WorkOrderStatus.SIGNED;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
    }

    void redispatched(String newAgencyCode, Instant at, Instant newSignBy) {
        status = WorkOrderStatus.DISPATCHED;
        agencyCode = newAgencyCode;
        dispatchedAt = at;
        signBy = newSignBy;
        signedAt = null;
        respondBy = null;
        dueAt = newSignBy;
    }

    void revoked(Instant at) {
        status = WorkOrderStatus.REVOKED;
        closedAt = at;
        dueAt = null;
    }

    WorkOrder asPartOf(long leadId) {
        this.leadOrderId = leadId;
        return this;
    }

    /** An approved extension: the current step's deadline moves; the original stays on the request. */
    void extended(Instant newDue) {
        if (status == WorkOrderStatus.DISPATCHED) {
            signBy = newDue;
        }
        else {
            respondBy = newDue;
        }
        dueAt = newDue;
        extensionCount++;
    }

    /** 重办 after an unsatisfied callback: the completed order is open again for the agency. */
    void redone(Instant respondDeadline) {
        status = WorkOrderStatus.SIGNED;
        closedAt = null;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
        redoCount++;
    }

    /** Past the deadline of the current step (sign-by while DISPATCHED, respond-by while SIGNED). */
    boolean isOverdueAt(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }

    void urged() {
        urgeCount++;
    }

    Long id() { return id; }
    long caseId() { return caseId; }
    String caseNumber() { return caseNumber; }
    String villageCode() { return villageCode; }
    String agencyCode() { return agencyCode; }
    WorkOrderStatus status() { return status; }
    String requestText() { return requestText; }
    String sharedSummary() { return sharedSummary; }
    String dispatchedBy() { return dispatchedBy; }
    Instant dispatchedAt() { return dispatchedAt; }
    Instant requestedDeadline() { return requestedDeadline; }
    Instant signBy() { return signBy; }
    Instant signedAt() { return signedAt; }
    Instant respondBy() { return respondBy; }
    Instant respondedAt() { return respondedAt; }
    String responseText() { return responseText; }
    Instant closedAt() { return closedAt; }
    Instant dueAt() { return dueAt; }
    int urgeCount() { return urgeCount; }
    long version() { return version; }
    Long leadOrderId() { return leadOrderId; }
    boolean isPart() { return leadOrderId != null; }
    int extensionCount() { return extensionCount; }
    int redoCount() { return redoCount; }
}
