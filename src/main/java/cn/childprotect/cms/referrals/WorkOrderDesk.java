package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals module's facade. Dispatcher steps (dispatch, complete, reopen, re-dispatch,
 * revoke) belong to whoever works the case; sign, return, respond and extension requests to the
 * staff of the addressed agency; 督办 and extension decisions to a supervisor in scope;
 * callbacks to whoever works the case or a hotline operator in scope. Anyone else gets 404: the
 * order is not there for them. Every step goes through {@link #take}, driven by
 * {@link WorkOrderAction}, and is on the order's history and on the case timeline.
 *
 * <p>Co-handling (主办/协办, docs/domain.md): a dispatch with co-agencies makes one lead order
 * and one part per co-agency; each part is an order of its own (its own sign and respond
 * deadlines, its own agency's view). The lead completes only when every part is answered, and
 * completing or revoking the lead completes or revokes its parts.
 */
@Service
@Transactional
public class WorkOrderDesk {

    static final EnumSet<CaseStatus> DISPATCHABLE = EnumSet.of(CaseStatus.ASSESSING, CaseStatus.EMERGENCY,
            CaseStatus.HANDLING, CaseStatus.SUPPORTING);

    private final WorkOrders orders;
    private final WorkOrderSteps steps;
    private final ExtensionRequests extensions;
    private final Callbacks callbacks;
    private final CaseFiles caseFiles;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final MessageSource messages;

    WorkOrderDesk(WorkOrders orders, WorkOrderSteps steps, ExtensionRequests extensions, Callbacks callbacks,
            CaseFiles caseFiles, AgencyDirectory agencies, Jurisdictions jurisdictions, SlaPolicy sla,
            WorkingCalendar calendar, ApplicationEventPublisher events, BusinessTime time, MessageSource messages) {
        this.orders = orders;
        this.steps = steps;
        this.extensions = extensions;
        this.callbacks = callbacks;
        this.caseFiles = caseFiles;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.sla = sla;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
        this.messages = messages;
    }

    /** A dispatch: the lead agency, optional co-handling agencies, the request and the summary. */
    public record Dispatch(String agencyCode, List<String> coAgencyCodes, String requestText, String sharedSummary,
            Instant deadline) {

        public Dispatch(String agencyCode, String requestText, String sharedSummary, Instant deadline) {
            this(agencyCode, List.of(), requestText, sharedSummary, deadline);
        }
    }

    /** What a step may carry: its text (reason, answer, note or comment) and, for re-dispatch, an agency. */
    public record StepInput(String text, String agencyCode) {

        public static StepInput of(String text) {
            return new StepInput(text, null);
        }
    }

    public WorkOrderView dispatch(long caseId, Dispatch dispatch, CurrentUser user) {
        CaseRef ref = caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound(text("cms.work-order.case-not-found")));
        if (!DISPATCHABLE.contains(ref.status())) {
            throw Refusal.invalidState("case-not-dispatchable", text("cms.work-order.case-not-dispatchable",
                    ref.status().label()));
        }
        AgencySummary agency = activeAgency("agencyCode", dispatch.agencyCode(), ref.villageCode());
        List<AgencySummary> coAgencies = new ArrayList<>();
        for (String code : new LinkedHashSet<>(dispatch.coAgencyCodes() == null ? List.of() : dispatch.coAgencyCodes())) {
            if (code.equals(agency.code())) {
                throw Refusal.invalidField("coAgencyCodes", text("cms.work-order.co-agency-is-lead", code));
            }
            coAgencies.add(activeAgency("coAgencyCodes", code, ref.villageCode()));
        }
        Instant now = time.now();
        Instant policyRespond = sla.workOrder().respond().addTo(now, calendar);
        if (dispatch.deadline() != null && (dispatch.deadline().isBefore(now) || dispatch.deadline().isAfter(policyRespond))) {
            throw Refusal.invalidField("deadline", text("cms.work-order.deadline-out-of-policy",
                    sla.workOrder().respond().text(), localTime(policyRespond)));
        }
        WorkOrder lead = newOrder(ref, agency, dispatch, user, now, null);
        record(lead, user);
        for (AgencySummary co : coAgencies) {
            record(newOrder(ref, co, dispatch, user, now, lead.id()), user);
        }
        return view(lead, user);
    }

    private WorkOrder newOrder(CaseRef ref, AgencySummary agency, Dispatch dispatch, CurrentUser user, Instant now,
            Long leadId) {
        return new WorkOrder(ref.id(), ref.caseNumber(), ref.villageCode(), agency.code(),
                dispatch.requestText().strip(), dispatch.sharedSummary().strip(), user.username(), now,
                signDeadline(ref.status(), now), dispatch.deadline(), leadId,
                // the order names its agency (and the timeline line the agency's name): no sentence in one language
                null);
    }

    /**
     * Every state-changing step of the table (sign, return, respond, complete, reopen,
     * re-dispatch, revoke, 督办): who may take it, from which state, which text it needs and
     * where it leads come from {@link WorkOrderAction}; the order applies it.
     */
    public WorkOrderView take(long id, WorkOrderAction action, StepInput input, CurrentUser user) {
        String note = textFor(action, input == null ? null : input.text());
        WorkOrder order = forStep(id, action, user);
        Instant now = time.now();
        String actor = user.username();
        List<WorkOrder> parts = List.of();
        switch (action) {
            case SIGN -> order.sign(now, respondDeadline(order, now), actor);
            case RETURN -> order.returnToDispatcher(now, actor, note);
            case RESPOND -> order.respond(now, note, actor);
            case COMPLETE -> {
                parts = orders.findByLeadOrderIdOrderById(order.id());
                order.complete(now, actor, note, parts);
            }
            case REOPEN -> order.reopen(now, respondDeadline(order, now), actor, note);
            case REDISPATCH -> {
                String code = input == null || input.agencyCode() == null || input.agencyCode().isBlank()
                        ? order.agencyCode() : input.agencyCode();
                AgencySummary agency = activeAgency("agencyCode", code, order.villageCode());
                CaseStatus caseStatus = caseFiles.find(order.caseId()).map(CaseRef::status).orElse(CaseStatus.HANDLING);
                order.redispatch(agency.code(), agency.name(), now, signDeadline(caseStatus, now), actor, note);
            }
            case REVOKE -> {
                parts = orders.findByLeadOrderIdOrderById(order.id());
                order.revoke(now, actor, note, parts);
            }
            case URGE -> order.urge(now, actor, note, time.zone());
            default -> throw new IllegalArgumentException(action + " is not taken through take()");
        }
        // the parts a step carried along first, as before: their lines precede the lead's
        parts.stream().filter(WorkOrder::hasNewSteps).forEach(part -> record(part, user));
        record(order, user);
        return view(order, user);
    }

    // --- extension requests (延期申请) ------------------------------------------------------------

    public record ExtensionInput(Instant requestedDueAt, String reason) {
    }

    /** The agency asks for a later deadline of the current step; one pending request at a time. */
    public ExtensionView requestExtension(long id, ExtensionInput input, CurrentUser user) {
        String reason = textFor(WorkOrderAction.REQUEST_EXTENSION, input.reason());
        WorkOrder order = forStep(id, WorkOrderAction.REQUEST_EXTENSION, user);
        Instant due = order.dueAt();
        Instant requested = input.requestedDueAt();
        order.requestExtension(requested,
                requested != null && extensions.existsByWorkOrderIdAndStatus(id, ExtensionRequest.Status.PENDING),
                time.now(), user.username(), requested == null ? null : localTime(requested) + "; " + reason,
                time.zone());
        ExtensionRequest request = extensions.save(new ExtensionRequest(id, user.username(), time.now(), reason,
                due, requested));
        record(order, user);
        return request.toView();
    }

    public record ExtensionDecision(Instant dueAt, String reason) {
    }

    /** A supervisor of the dispatching side grants the request (the requested date or another later one). */
    public ExtensionView approveExtension(long id, long requestId, ExtensionDecision decision, CurrentUser user) {
        WorkOrder order = forStep(id, WorkOrderAction.APPROVE_EXTENSION, user);
        ExtensionRequest request = pending(id, requestId);
        Instant granted = decision == null || decision.dueAt() == null ? request.requestedDueAt() : decision.dueAt();
        String note = decision == null ? null : Texts.blankToNull(decision.reason());
        order.extend(granted, time.now(), user.username(), localTime(granted) + (note == null ? "" : "; " + note),
                time.zone());
        request.approve(user.username(), time.now(), granted, note);
        record(order, user);
        return request.toView();
    }

    public ExtensionView refuseExtension(long id, long requestId, ExtensionDecision decision, CurrentUser user) {
        String reason = textFor(WorkOrderAction.REFUSE_EXTENSION, decision == null ? null : decision.reason());
        WorkOrder order = forStep(id, WorkOrderAction.REFUSE_EXTENSION, user);
        ExtensionRequest request = pending(id, requestId);
        order.refuseExtension(time.now(), user.username(), reason);
        request.refuse(user.username(), time.now(), reason);
        record(order, user);
        return request.toView();
    }

    private ExtensionRequest pending(long orderId, long requestId) {
        ExtensionRequest request = extensions.findByIdAndWorkOrderId(requestId, orderId)
                .orElseThrow(() -> Refusal.notFound(text("cms.extension.not-found")));
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw Refusal.invalidState("extension-decided", text("cms.extension.decided"));
        }
        return request;
    }

    /** Pending extension requests in the supervisor's scope. */
    @Transactional(readOnly = true)
    public List<ExtensionView> pendingExtensions(CurrentUser user) {
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed(text("cms.extension.supervisors-only"));
        }
        return extensions.findByStatusOrderById(ExtensionRequest.Status.PENDING).stream()
                .filter(r -> orders.findById(r.workOrderId()).filter(o -> user.covers(o.villageCode())).isPresent())
                .map(ExtensionRequest::toView).toList();
    }

    // --- callbacks (回访) -------------------------------------------------------------------------

    public record CallbackInput(Boolean reached, Satisfaction satisfaction, String comment) {
    }

    public record CallbackView(long id, long workOrderId, String recordedBy, Instant recordedAt, boolean reached,
            Satisfaction satisfaction, String comment, boolean redo) {
    }

    /**
     * A callback after completion; "unsatisfied" sends the order back to its agency for redo
     * (重办) with the comment, and its parts that were completed with it too.
     */
    public CallbackView recordCallback(long id, CallbackInput input, CurrentUser user) {
        if (input.reached() == null) {
            throw Refusal.invalidField("reached", text("cms.callback.reached-required"));
        }
        if (input.reached() && input.satisfaction() == null) {
            throw Refusal.invalidField("satisfaction", text("cms.callback.satisfaction-required"));
        }
        boolean redo = input.reached() && input.satisfaction() == Satisfaction.UNSATISFIED;
        String comment = redo ? textFor(WorkOrderAction.REDO, input.comment()) : Texts.blankToNull(input.comment());
        if (comment != null && comment.length() > 4000) {
            throw Refusal.invalidField("comment", text("cms.work-order.text-too-long"));
        }
        WorkOrder order = forStep(id, WorkOrderAction.RECORD_CALLBACK, user);
        Instant now = time.now();
        order.recordCallback(now, user.username(), input.reached() ? input.satisfaction().name() : "NOT_REACHED", comment);
        Callback callback = callbacks.save(new Callback(id, user.username(), now, input.reached(),
                input.reached() ? input.satisfaction() : null, comment));
        record(order, user);
        if (redo) {
            List<WorkOrder> parts = orders.findByLeadOrderIdOrderById(order.id());
            order.redo(now, o -> respondDeadline(o, now), user.username(), comment, parts);
            record(order, user);
            parts.stream().filter(WorkOrder::hasNewSteps).forEach(part -> record(part, user));
        }
        return new CallbackView(callback.id(), id, user.username(), now, input.reached(), callback.satisfaction(),
                comment, redo);
    }

    /** A completed order whose callback is due (config {@code cms.referrals.callback-within}). */
    public record CallbackDue(long workOrderId, long caseId, String caseNumber, String villageName, String agencyCode,
            String agencyName, Instant completedAt, Instant callbackDueAt, boolean overdue) {
    }

    /** Completed orders without a callback since completion, in the caller's scope, earliest first. */
    @Transactional(readOnly = true)
    public List<CallbackDue> callbacksDue(CurrentUser user, SlaDuration within, int limit) {
        if (!user.is(Role.HOTLINE_OPERATOR) && !user.is(Role.CHILD_DIRECTOR) && !user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed(text("cms.callback.not-for-role"));
        }
        Instant now = time.now();
        // scoped in the query: operators of the county, directors of their village, supervisors of their area
        List<WorkOrder> found = orders.findAwaitingCallback(user.scope().likePattern(),
                Pageable.ofSize(Math.max(1, Math.min(limit, 500))));
        Map<String, String> agencyNames = agencies.namesOf(found.stream().map(WorkOrder::agencyCode).distinct().toList());
        return found.stream()
                .map(o -> {
                    Instant due = within.addTo(o.closedAt(), calendar);
                    return new CallbackDue(o.id(), o.caseId(), o.caseNumber(), jurisdictions.nameOf(o.villageCode()),
                            o.agencyCode(), agencyNames.getOrDefault(o.agencyCode(), o.agencyCode()), o.closedAt(), due,
                            due.isBefore(now));
                }).toList();
    }

    // --- agency performance (考核) ----------------------------------------------------------------

    public record AgencyPerformance(String agencyCode, String agencyName, int received, int signedOnTime,
            int answeredOnTime, int returned, int extended, int redone, int callbacks, int satisfied,
            int basicallySatisfied, int unsatisfied, Double satisfactionRate) {
    }

    /**
     * Per agency, over the orders dispatched in [from, to): received, signed and answered on
     * time (against the deadline in force, so an approved extension is not a miss), returned,
     * extended (approved), redone, and the callbacks' satisfaction. Orders in the caller's scope.
     */
    @Transactional(readOnly = true)
    public List<AgencyPerformance> performance(Instant from, Instant to, CurrentUser user) {
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed(text("cms.performance.supervisors-only"));
        }
        List<WorkOrder> found = orders.findDispatchedBetween(from, to, user.scope().likePattern());
        List<Long> ids = found.stream().map(WorkOrder::id).toList();
        Map<Long, List<WorkOrderStep>> history = new HashMap<>();
        Map<Long, List<Callback>> calls = new HashMap<>();
        if (!ids.isEmpty()) {
            steps.findByWorkOrderIdInOrderById(ids).forEach(s -> history.computeIfAbsent(s.workOrderId(),
                    k -> new ArrayList<>()).add(s));
            callbacks.findByWorkOrderIdIn(ids).forEach(c -> calls.computeIfAbsent(c.workOrderId(),
                    k -> new ArrayList<>()).add(c));
        }
        Map<String, int[]> figures = new java.util.TreeMap<>();
        for (WorkOrder o : found) {
            int[] f = figures.computeIfAbsent(o.agencyCode(), k -> new int[10]);
            f[0]++;
            if (o.signedAt() != null && !o.signedAt().isAfter(o.signBy())) {
                f[1]++;
            }
            if (o.respondedAt() != null && o.respondBy() != null && !o.respondedAt().isAfter(o.respondBy())) {
                f[2]++;
            }
            f[3] += (int) history.getOrDefault(o.id(), List.of()).stream()
                    .filter(s -> s.action() == WorkOrderAction.RETURN).count();
            f[4] += o.extensionCount() > 0 ? 1 : 0;
            f[5] += o.redoCount() > 0 ? 1 : 0;
            for (Callback c : calls.getOrDefault(o.id(), List.of())) {
                if (c.reached() && c.satisfaction() != null) {
                    f[6]++;
                    f[7 + c.satisfaction().ordinal()]++;
                }
            }
        }
        return figures.entrySet().stream().map(e -> {
            int[] f = e.getValue();
            Double rate = f[6] == 0 ? null : Math.round(1000.0 * (f[7] + f[8]) / f[6]) / 1000.0;
            return new AgencyPerformance(e.getKey(), agencyName(e.getKey()), f[0], f[1], f[2], f[3], f[4], f[5], f[6],
                    f[7], f[8], f[9], rate);
        }).toList();
    }

    // --- queries --------------------------------------------------------------------------------

    /** One order, for its agency or whoever works the case. The read is audited (it writes a row). */
    public WorkOrderView find(long id, CurrentUser user) {
        WorkOrder order = visible(id, user);
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_READ", "WORK_ORDER", id));
        return view(order, user);
    }

    /** The orders of the caller's agency; overdue = past the deadline of the current step. Audited. */
    public Page<WorkOrderView> mine(CurrentUser user, WorkOrderStatus status, boolean overdueOnly, Pageable page) {
        if (!user.is(Role.AGENCY_STAFF) || user.agencyCode() == null) {
            throw Refusal.notAllowed(text("cms.work-order.agency-list-only"));
        }
        String agency = user.agencyCode();
        Instant overdueBefore = overdueOnly ? time.now() : null;
        Slice<WorkOrder> found = orders.findForAgency(agency, status, overdueBefore, page);
        // no count of the agency's whole history: exact on the last page, else up to CappedTotal.CAP
        long total = CappedTotal.of(found,
                () -> !orders.probeForAgency(agency, status, overdueBefore, PageRequest.of(CappedTotal.CAP, 1)).isEmpty(),
                () -> orders.countForAgency(agency, status, overdueBefore));
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_LIST_READ", "AGENCY", user.agencyCode())
                .withDetail(found.getNumberOfElements() + " work orders"));
        return new PageImpl<>(views(found.getContent(), false), page, total);
    }

    /** The orders of a case, for someone who works it. Audited. */
    public List<WorkOrderView> ofCase(long caseId, CurrentUser user) {
        List<WorkOrderView> found = ofCaseUnaudited(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_LIST_READ", "CASE", caseId));
        return found;
    }

    /** For the case file (casefile module), whose read is audited as CASE_READ already. */
    @Transactional(readOnly = true)
    public List<WorkOrderView> ofCaseUnaudited(long caseId, CurrentUser user) {
        if (!caseFiles.isWorkedBy(caseId, user)) {
            throw Refusal.notFound(text("cms.work-order.case-not-found"));
        }
        return views(orders.findByCaseIdOrderById(caseId), true);
    }

    /** Orders still waiting to be signed past their sign-by, earliest first. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForSigning(Instant now, int limit) {
        return overdueForSigning(now, cn.childprotect.cms.shared.deadlines.DeadlineKey.START, limit);
    }

    /** The same after a (due, order id) key, for a sweep that works through a backlog. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForSigning(Instant now, cn.childprotect.cms.shared.deadlines.DeadlineKey after,
            int limit) {
        return overdue(WorkOrderStatus.DISPATCHED, now, after, limit);
    }

    /** Signed orders still unanswered past their respond-by, earliest first. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForResponse(Instant now, int limit) {
        return overdueForResponse(now, cn.childprotect.cms.shared.deadlines.DeadlineKey.START, limit);
    }

    /** The same after a (due, order id) key, for a sweep that works through a backlog. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForResponse(Instant now, cn.childprotect.cms.shared.deadlines.DeadlineKey after,
            int limit) {
        return overdue(WorkOrderStatus.SIGNED, now, after, limit);
    }

    /** The note of one step of an order's history (the 督办 note, for the mail that carries it). */
    @Transactional(readOnly = true)
    public Optional<String> noteOfStep(long stepId) {
        return steps.findById(stepId).map(WorkOrderStep::note);
    }

    /** For mails: who dispatched the order and to which agency, with the case number. Ids and codes only. */
    @Transactional(readOnly = true)
    public Optional<WorkOrderRouting> routing(long id) {
        return orders.findById(id).map(o -> new WorkOrderRouting(o.id(), o.caseId(), o.caseNumber(), o.agencyCode(),
                o.dispatchedBy(), o.status(), o.villageCode()));
    }

    public record WorkOrderRouting(long workOrderId, long caseId, String caseNumber, String agencyCode,
            String dispatchedBy, WorkOrderStatus status, String villageCode) {
    }

    /**
     * Whether an agency has a signed or pending order on a case (dispatched, signed or answered):
     * what lets its staff act on the case's matters through the order, e.g. a court recording its
     * decision on a protection order (guardianship).
     */
    @Transactional(readOnly = true)
    public boolean hasOpenOrderFor(long caseId, String agencyCode) {
        return agencyCode != null && orders.existsByCaseIdAndAgencyCodeAndStatusIn(caseId, agencyCode,
                EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.SIGNED, WorkOrderStatus.RESPONDED));
    }

    boolean hasOrderIn(long caseId, EnumSet<WorkOrderStatus> statuses) {
        return orders.existsByCaseIdAndStatusIn(caseId, statuses);
    }

    // --- internals -------------------------------------------------------------------------------

    private List<WorkOrderDue> overdue(WorkOrderStatus status, Instant now,
            cn.childprotect.cms.shared.deadlines.DeadlineKey after, int limit) {
        return orders.findOverdue(status, now, after.deadline(), after.sourceId(), Pageable.ofSize(limit)).stream()
                .map(o -> new WorkOrderDue(o.id(), o.caseId(), o.villageCode(), o.agencyCode(), o.status(), o.dueAt()))
                .toList();
    }

    private WorkOrder visible(long id, CurrentUser user) {
        return orders.findById(id).filter(o -> isAgencyOf(user, o) || caseFiles.isWorkedBy(o.caseId(), user))
                .orElseThrow(() -> Refusal.notFound(text("cms.work-order.not-found")));
    }

    /** 404 when the order is not the caller's to see, 403 when it is but the step is not theirs, 409 when the state refuses. */
    private WorkOrder forStep(long id, WorkOrderAction action, CurrentUser user) {
        WorkOrder order = action.side() == WorkOrderAction.Side.CALLBACK
                ? orders.findById(id).filter(o -> isAgencyOf(user, o) || mayCallBack(user, o))
                        .orElseThrow(() -> Refusal.notFound(text("cms.work-order.not-found")))
                : visible(id, user);
        boolean mayTake = switch (action.side()) {
            case AGENCY -> isAgencyOf(user, order);
            case DISPATCHER -> caseFiles.isWorkedBy(order.caseId(), user);
            case SUPERVISOR -> user.is(Role.SUPERVISOR) && user.covers(order.villageCode());
            case CALLBACK -> mayCallBack(user, order);
        };
        if (!mayTake) {
            throw Refusal.notAllowed(text("cms.work-order.step-not-yours", text(action.messageKey())));
        }
        order.mayTake(action, time.now(), time.zone());
        return order;
    }

    private boolean mayCallBack(CurrentUser user, WorkOrder order) {
        return (user.is(Role.HOTLINE_OPERATOR) && user.covers(order.villageCode()))
                || caseFiles.isWorkedBy(order.caseId(), user);
    }

    private static boolean isAgencyOf(CurrentUser user, WorkOrder order) {
        return user.is(Role.AGENCY_STAFF) && order.agencyCode().equals(user.agencyCode());
    }

    /** An active agency whose jurisdiction covers the case's village (a township's station serves its own villages only). */
    private AgencySummary activeAgency(String field, String code, String villageCode) {
        AgencySummary agency = agencies.findByCode(code).filter(AgencySummary::active)
                .orElseThrow(() -> Refusal.invalidField(field, text("cms.work-order.no-such-agency", code)));
        if (!JurisdictionScope.of(agency.jurisdictionCode()).contains(villageCode)) {
            throw Refusal.invalidField(field, text("cms.work-order.agency-out-of-area", agency.name(),
                    jurisdictions.nameOf(villageCode)));
        }
        return agency;
    }

    private Instant signDeadline(CaseStatus caseStatus, Instant now) {
        SlaDuration policy = caseStatus == CaseStatus.EMERGENCY ? sla.workOrder().signEmergency() : sla.workOrder().sign();
        return policy.addTo(now, calendar);
    }

    private Instant respondDeadline(WorkOrder order, Instant from) {
        Instant policy = sla.workOrder().respond().addTo(from, calendar);
        Instant requested = order.requestedDeadline();
        return requested != null && requested.isAfter(from) && requested.isBefore(policy) ? requested : policy;
    }

    /**
     * Stores the order and the lines of the steps it took, then publishes their events. The order's
     * row is written first: a concurrent step then waits on its lock and fails on the version,
     * instead of deadlocking against our history insert (whose foreign key takes a shared lock on
     * the order's row in InnoDB). The events name the stored lines, so they are registered after
     * the lines are stored and published by the second save.
     */
    private void record(WorkOrder order, CurrentUser user) {
        orders.saveAndFlush(order);
        List<WorkOrderStep> lines = order.newSteps().stream().map(steps::save).toList();
        // the timeline line is a projection of the step's event (docs/domain.md §4); a part names its role
        order.stepsStored(lines, agencyName(order.agencyCode()), order.isPart());
        orders.save(order);
        for (WorkOrderStep line : lines) {
            events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_" + line.action().name(), "WORK_ORDER",
                    order.id()).withDetail("case " + order.caseId() + ", agency " + order.agencyCode()));
        }
    }

    private WorkOrderView view(WorkOrder o, CurrentUser viewer) {
        return views(List.of(o), !isAgencyOf(viewer, o)).get(0);
    }

    /**
     * Views of several orders: their histories in one query, and each agency, case and village
     * looked up once, so a list page costs a handful of queries, not several per row. The parts
     * of a lead order are shown to the dispatching side only: an agency sees its own part.
     */
    private List<WorkOrderView> views(List<WorkOrder> list, boolean withParts) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = time.now();
        List<Long> ids = list.stream().map(WorkOrder::id).toList();
        Map<Long, List<WorkOrderView.Step>> histories = new HashMap<>();
        steps.findByWorkOrderIdInOrderById(ids).forEach(step -> histories
                .computeIfAbsent(step.workOrderId(), id -> new ArrayList<>())
                .add(step.toView(text(step.action().messageKey()), noteText(step))));
        Map<Long, List<ExtensionView>> requests = new HashMap<>();
        extensions.findByWorkOrderIdInOrderById(ids).forEach(r -> requests
                .computeIfAbsent(r.workOrderId(), id -> new ArrayList<>()).add(r.toView()));
        // each case and agency of the page in one query each (issue 19), villages from the cached tree
        Map<Long, CaseRef> cases = caseFiles.refs(list.stream().map(WorkOrder::caseId).distinct().toList());
        Map<String, String> agencyNames = agencies.namesOf(list.stream().map(WorkOrder::agencyCode).distinct().toList());
        Map<String, String> villageNames = new HashMap<>();
        return list.stream().map(o -> new WorkOrderView(o.id(), o.caseId(), o.caseNumber(),
                Optional.ofNullable(cases.get(o.caseId())).map(c -> c.status().label()).orElse(null),
                o.villageCode(), villageNames.computeIfAbsent(o.villageCode(), jurisdictions::nameOf), o.agencyCode(),
                agencyNames.getOrDefault(o.agencyCode(), o.agencyCode()), o.status(), o.status().label(), o.requestText(), o.sharedSummary(),
                o.dispatchedBy(), o.dispatchedAt(), o.signBy(), o.signedAt(), o.respondBy(), o.respondedAt(),
                o.responseText(), o.dueAt(), o.isOverdueAt(now), o.urgeCount(), o.version(),
                histories.getOrDefault(o.id(), List.of()), o.isPart() ? "CO" : "LEAD", o.leadOrderId(),
                withParts && !o.isPart() ? parts(o, now) : List.of(), o.extensionCount(), o.redoCount(),
                requests.getOrDefault(o.id(), List.of())))
                .toList();
    }

    private List<WorkOrderView.Part> parts(WorkOrder lead, Instant now) {
        return orders.findByLeadOrderIdOrderById(lead.id()).stream()
                .map(p -> new WorkOrderView.Part(p.id(), p.agencyCode(), agencyName(p.agencyCode()), p.status(),
                        p.status().label(), p.dueAt(), p.isOverdueAt(now), p.responseText()))
                .toList();
    }

    private String agencyName(String code) {
        return agencies.findByCode(code).map(AgencySummary::name).orElse(code);
    }

    private String textFor(WorkOrderAction action, String text) {
        String field = action.requiredText();
        if (field == null) {
            text = Texts.blankToNull(text);
        }
        else if (text == null || text.isBlank()) {
            throw Refusal.invalidField(field, text("cms.work-order.required." + action.name()));
        }
        if (text != null && text.length() > 4000) {
            throw Refusal.invalidField(field == null ? "note" : field, text("cms.work-order.text-too-long"));
        }
        return text == null ? null : text.strip();
    }

    private String text(String key, Object... args) {
        return text(LocaleContextHolder.getLocale(), key, args);
    }

    /** A step's note in the request's language: the system's message with its arguments, else what was written. */
    private String noteText(WorkOrderStep step) {
        return step.noteKey() == null ? step.note() : text(step.noteKey(), step.noteArgs().toArray());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String localTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, time.zone()).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

}
