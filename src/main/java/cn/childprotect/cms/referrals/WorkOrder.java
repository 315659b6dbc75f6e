package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import cn.childprotect.cms.referrals.events.WorkOrderCallbackRecorded;
import cn.childprotect.cms.referrals.events.WorkOrderCompleted;
import cn.childprotect.cms.referrals.events.WorkOrderDispatched;
import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionApproved;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionRefused;
import cn.childprotect.cms.referrals.events.WorkOrderExtensionRequested;
import cn.childprotect.cms.referrals.events.WorkOrderRedispatched;
import cn.childprotect.cms.referrals.events.WorkOrderRedone;
import cn.childprotect.cms.referrals.events.WorkOrderReopened;
import cn.childprotect.cms.referrals.events.WorkOrderResponded;
import cn.childprotect.cms.referrals.events.WorkOrderReturned;
import cn.childprotect.cms.referrals.events.WorkOrderRevoked;
import cn.childprotect.cms.referrals.events.WorkOrderSigned;
import cn.childprotect.cms.referrals.events.WorkOrderStepRecorded;
import cn.childprotect.cms.referrals.events.WorkOrderUrged;
import cn.childprotect.cms.shared.AggregateRoot;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A work order to an agency. {@code dueAt} is the deadline of the current step (sign-by while
 * DISPATCHED, respond-by while SIGNED, none otherwise), stored and indexed so "overdue" is a
 * range scan.
 *
 * <p>The order owns its steps (docs/domain.md §5): each step method checks the step table
 * ({@link WorkOrderAction}) and the step's own rule, refusing with a {@link Refusal}, changes the
 * state and takes the step. A step's events name the line of the order's history it becomes, so
 * they are registered when {@link WorkOrderDesk} has stored the order and its new lines
 * ({@link #newSteps}, {@link #stepsStored}); {@link WorkOrders} publishes them on the next save.
 * Who may take a step is the desk's to check.
 */
@Entity
@Table(name = "referrals_work_order")
class WorkOrder extends AggregateRoot {

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

    /** Steps taken since the order was loaded whose history lines are not stored yet. */
    @Transient
    private final transient List<Taken> taken = new ArrayList<>();

    /** A step not stored yet: a person's {@code note}, or the system's note as {@code noteKey} and its arguments. */
    private record Taken(WorkOrderAction action, Instant at, String actor, String note, String noteKey,
            List<String> noteArgs) {
    }

    protected WorkOrder() {
    }

    /** A dispatch to an agency; a co-handling part names its lead order. */
    WorkOrder(long caseId, String caseNumber, String villageCode, String agencyCode, String requestText,
            String sharedSummary, String dispatchedBy, Instant dispatchedAt, Instant signBy, Instant requestedDeadline,
            Long leadOrderId, String note) {
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
        this.leadOrderId = leadOrderId;
        took(WorkOrderAction.DISPATCH, dispatchedAt, dispatchedBy, note);
    }

    // --- the step table's rules ----------------------------------------------------------------------

    /**
     * Whether the step may be taken now: the table allows it from the current state, and 督办 is
     * only for an order late for signing or for its answer (docs/domain.md). The desk asks before
     * anything else about the step; every step method asks again.
     */
    void mayTake(WorkOrderAction action, Instant now, ZoneId zone) {
        if (!action.allowedFrom(status)) {
            throw Refusal.invalidState("invalid-work-order-step", "cms.work-order.step-not-allowed",
                    Labels.resolvable(status), new DefaultMessageSourceResolvable(action.messageKey()))
                    .with("currentStatus", status.name());
        }
        if (action == WorkOrderAction.URGE && !isOverdueAt(now)) {
            throw Refusal.invalidState("work-order-not-overdue", "cms.work-order.not-overdue", shown(dueAt, zone))
                    .with("currentStatus", status.name());
        }
    }

    private void requireLeadOrSingle() {
        if (isPart()) {
            throw Refusal.invalidState("work-order-part-completes-with-lead",
                    "cms.work-order.part-completes-with-lead", leadOrderId);
        }
    }

    // --- the steps ---------------------------------------------------------------------------------------

    void sign(Instant at, Instant respondDeadline, String actor) {
        mayTake(WorkOrderAction.SIGN, at, null);
        status = WorkOrderStatus.SIGNED;
        signedAt = at;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
        took(WorkOrderAction.SIGN, at, actor, null);
    }

    /** The agency hands the order back to the dispatcher, who re-dispatches or revokes it. */
    void returnToDispatcher(Instant at, String actor, String reason) {
        mayTake(WorkOrderAction.RETURN, at, null);
        status = WorkOrderStatus.RETURNED;
        dueAt = null;
        took(WorkOrderAction.RETURN, at, actor, reason);
    }

    void respond(Instant at, String answer, String actor) {
        mayTake(WorkOrderAction.RESPOND, at, null);
        status = WorkOrderStatus.RESPONDED;
        respondedAt = at;
        responseText = answer;
        dueAt = null;
        took(WorkOrderAction.RESPOND, at, actor, answer);
    }

    /**
     * Completes a lead or single order once every part is answered; the answered parts complete
     * with it (each takes its own COMPLETE step).
     */
    void complete(Instant at, String actor, String note, List<WorkOrder> parts) {
        mayTake(WorkOrderAction.COMPLETE, at, null);
        requireLeadOrSingle();
        if (parts.stream().anyMatch(p -> p.status != WorkOrderStatus.RESPONDED && p.status.isOpen())) {
            throw Refusal.invalidState("work-order-parts-open", "cms.work-order.parts-open")
                    .with("currentStatus", status.name());
        }
        parts.stream().filter(p -> p.status == WorkOrderStatus.RESPONDED).forEach(p -> p.completed(at, actor, null));
        completed(at, actor, note);
    }

    private void completed(Instant at, String actor, String note) {
        status = WorkOrderStatus.COMPLETED;
        closedAt = at;
        dueAt = null;
        took(WorkOrderAction.COMPLETE, at, actor, note);
    }

    /** The dispatcher does not accept the answer: the agency answers again. */
    void reopen(Instant at, Instant respondDeadline, String actor, String reason) {
        mayTake(WorkOrderAction.REOPEN, at, null);
        status = WorkOrderStatus.SIGNED;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
        took(WorkOrderAction.REOPEN, at, actor, reason);
    }

    /**
     * A returned order goes out again, to the same or another agency, with a new sign-by; its line
     * says where it went ({@code agencyName}) and the dispatcher's {@code note}, in the reader's language.
     */
    void redispatch(String newAgencyCode, String agencyName, Instant at, Instant newSignBy, String actor, String note) {
        mayTake(WorkOrderAction.REDISPATCH, at, null);
        status = WorkOrderStatus.DISPATCHED;
        agencyCode = newAgencyCode;
        dispatchedAt = at;
        signBy = newSignBy;
        signedAt = null;
        respondBy = null;
        dueAt = newSignBy;
        taken.add(note == null || note.isBlank()
                ? new Taken(WorkOrderAction.REDISPATCH, at, actor, null, "cms.work-order.sent-to", List.of(agencyName))
                : new Taken(WorkOrderAction.REDISPATCH, at, actor, null, "cms.work-order.sent-to-with-note",
                        List.of(agencyName, note)));
    }

    /** Revokes the order and, for a lead order, its parts still open. */
    void revoke(Instant at, String actor, String reason, List<WorkOrder> parts) {
        mayTake(WorkOrderAction.REVOKE, at, null);
        revoked(at, actor, reason);
        parts.stream().filter(p -> p.status.isOpen()).forEach(p -> p.revoked(at, actor, reason));
    }

    private void revoked(Instant at, String actor, String reason) {
        status = WorkOrderStatus.REVOKED;
        closedAt = at;
        dueAt = null;
        took(WorkOrderAction.REVOKE, at, actor, reason);
    }

    /** 督办 of an overdue order: counted, the note goes to the agency. */
    void urge(Instant at, String actor, String note, ZoneId zone) {
        mayTake(WorkOrderAction.URGE, at, zone);
        urgeCount++;
        took(WorkOrderAction.URGE, at, actor, note);
    }

    /**
     * The agency asks for a later deadline of the current step; one pending request at a time
     * ({@code pendingRequest}: whether one is pending already).
     */
    void requestExtension(Instant requestedDueAt, boolean pendingRequest, Instant at, String actor, String note,
            ZoneId zone) {
        mayTake(WorkOrderAction.REQUEST_EXTENSION, at, zone);
        requireLaterThanDue("requestedDueAt", requestedDueAt, zone);
        if (pendingRequest) {
            throw Refusal.invalidState("extension-pending", "cms.extension.pending");
        }
        took(WorkOrderAction.REQUEST_EXTENSION, at, actor, note);
    }

    /** An approved extension: the current step's deadline moves; the original stays on the request. */
    void extend(Instant newDue, Instant at, String actor, String note, ZoneId zone) {
        mayTake(WorkOrderAction.APPROVE_EXTENSION, at, zone);
        requireLaterThanDue("dueAt", newDue, zone);
        if (status == WorkOrderStatus.DISPATCHED) {
            signBy = newDue;
        }
        else {
            respondBy = newDue;
        }
        dueAt = newDue;
        extensionCount++;
        took(WorkOrderAction.APPROVE_EXTENSION, at, actor, note);
    }

    void refuseExtension(Instant at, String actor, String reason) {
        mayTake(WorkOrderAction.REFUSE_EXTENSION, at, null);
        took(WorkOrderAction.REFUSE_EXTENSION, at, actor, reason);
    }

    private void requireLaterThanDue(String field, Instant wanted, ZoneId zone) {
        if (wanted == null || dueAt == null || !wanted.isAfter(dueAt)) {
            throw Refusal.invalidField(field, "cms.extension.must-be-later", dueAt == null ? "-" : shown(dueAt, zone));
        }
    }

    /**
     * A callback (回访) after completion; a part is called back with its lead. Its line says the
     * {@code outcome} (a satisfaction, or NOT_REACHED) and the caller's {@code comment}, in the reader's language.
     */
    void recordCallback(Instant at, String actor, String outcome, String comment) {
        mayTake(WorkOrderAction.RECORD_CALLBACK, at, null);
        requireLeadOrSingle();
        taken.add(comment == null || comment.isBlank()
                ? new Taken(WorkOrderAction.RECORD_CALLBACK, at, actor, null, "cms.callback.step." + outcome, List.of())
                : new Taken(WorkOrderAction.RECORD_CALLBACK, at, actor, null,
                        "cms.callback.step." + outcome + ".with-comment", List.of(comment)));
    }

    /** 重办 after an unsatisfied callback: the order and its parts completed with it are open again. */
    void redo(Instant at, Function<WorkOrder, Instant> respondDeadline, String actor, String comment,
            List<WorkOrder> parts) {
        mayTake(WorkOrderAction.REDO, at, null);
        redone(at, respondDeadline.apply(this), actor, comment);
        parts.stream().filter(p -> p.status == WorkOrderStatus.COMPLETED)
                .forEach(p -> p.redone(at, respondDeadline.apply(p), actor, comment));
    }

    private void redone(Instant at, Instant respondDeadline, String actor, String comment) {
        status = WorkOrderStatus.SIGNED;
        closedAt = null;
        respondBy = respondDeadline;
        dueAt = respondDeadline;
        redoCount++;
        took(WorkOrderAction.REDO, at, actor, comment);
    }

    // --- the steps' history lines and events ------------------------------------------------------------

    private void took(WorkOrderAction action, Instant at, String actor, String note) {
        taken.add(new Taken(action, at, actor, note, null, List.of()));
    }

    /** Whether steps were taken whose lines are not stored yet. */
    boolean hasNewSteps() {
        return !taken.isEmpty();
    }

    /** The history lines of the steps taken since the last {@link #stepsStored}, for the order once saved. */
    List<WorkOrderStep> newSteps() {
        if (id == null) {
            throw new IllegalStateException("the order is stored before its steps");
        }
        return taken.stream().map(t -> new WorkOrderStep(id, t.at(), t.actor(), t.action(), t.note(), t.noteKey(),
                t.noteArgs())).toList();
    }

    /**
     * The lines of {@link #newSteps} are stored (in that order): each step registers the timeline's
     * {@link WorkOrderStepRecorded} (naming the agency as {@code agencyLabel}) and its
     * {@link WorkOrderEvent}, both naming the stored line.
     */
    void stepsStored(List<WorkOrderStep> lines, String agencyLabel) {
        stepsStored(lines, agencyLabel, false);
    }

    /** As above; {@code coHandling}: the agency is this order's co-handler (a part), as the line says. */
    void stepsStored(List<WorkOrderStep> lines, String agencyLabel, boolean coHandling) {
        if (lines.size() != taken.size()) {
            throw new IllegalStateException("every new step is stored, once");
        }
        for (WorkOrderStep line : lines) {
            registerEvent(new WorkOrderStepRecorded(id, line.id(), caseId, line.action(), agencyLabel, line.note(),
                    line.actor(), line.noteKey(), line.noteArgs(), coHandling));
            registerEvent(eventOf(line.action(), line.id()));
        }
        taken.clear();
    }

    private WorkOrderEvent eventOf(WorkOrderAction action, long stepId) {
        return switch (action) {
            case DISPATCH -> new WorkOrderDispatched(id, stepId, caseId, agencyCode);
            case REDISPATCH -> new WorkOrderRedispatched(id, stepId, caseId, agencyCode);
            case SIGN -> new WorkOrderSigned(id, stepId, caseId, agencyCode);
            case RETURN -> new WorkOrderReturned(id, stepId, caseId, agencyCode);
            case RESPOND -> new WorkOrderResponded(id, stepId, caseId, agencyCode);
            case COMPLETE -> new WorkOrderCompleted(id, stepId, caseId, agencyCode);
            case REOPEN -> new WorkOrderReopened(id, stepId, caseId, agencyCode);
            case REVOKE -> new WorkOrderRevoked(id, stepId, caseId, agencyCode);
            case URGE -> new WorkOrderUrged(id, stepId, caseId, agencyCode);
            case REQUEST_EXTENSION -> new WorkOrderExtensionRequested(id, stepId, caseId, agencyCode);
            case APPROVE_EXTENSION -> new WorkOrderExtensionApproved(id, stepId, caseId, agencyCode);
            case REFUSE_EXTENSION -> new WorkOrderExtensionRefused(id, stepId, caseId, agencyCode);
            case RECORD_CALLBACK -> new WorkOrderCallbackRecorded(id, stepId, caseId, agencyCode);
            case REDO -> new WorkOrderRedone(id, stepId, caseId, agencyCode);
        };
    }

    /** Past the deadline of the current step (sign-by while DISPATCHED, respond-by while SIGNED). */
    boolean isOverdueAt(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }

    /** A deadline as a person reads it in a refusal: local time to the minute. */
    private static String shown(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
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
