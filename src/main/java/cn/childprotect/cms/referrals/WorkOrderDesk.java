package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.referrals.events.WorkOrderCompleted;
import cn.childprotect.cms.referrals.events.WorkOrderDispatched;
import cn.childprotect.cms.referrals.events.WorkOrderEvent;
import cn.childprotect.cms.referrals.events.WorkOrderStepRecorded;
import cn.childprotect.cms.referrals.events.WorkOrderRedispatched;
import cn.childprotect.cms.referrals.events.WorkOrderReopened;
import cn.childprotect.cms.referrals.events.WorkOrderResponded;
import cn.childprotect.cms.referrals.events.WorkOrderReturned;
import cn.childprotect.cms.referrals.events.WorkOrderRevoked;
import cn.childprotect.cms.referrals.events.WorkOrderSigned;
import cn.childprotect.cms.referrals.events.WorkOrderUrged;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals module's facade. Dispatcher steps (dispatch, complete, reopen, re-dispatch,
 * revoke) belong to whoever works the case; sign, return and respond to the staff of the
 * addressed agency; 督办 to a supervisor in scope. Anyone else gets 404: the order is not there
 * for them. Every step is on the order's history and on the case timeline.
 */
@Service
@Transactional
public class WorkOrderDesk {

    static final EnumSet<CaseStatus> DISPATCHABLE = EnumSet.of(CaseStatus.ASSESSING, CaseStatus.EMERGENCY,
            CaseStatus.HANDLING, CaseStatus.SUPPORTING);

    private final WorkOrders orders;
    private final WorkOrderSteps steps;
    private final CaseFiles caseFiles;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;

    WorkOrderDesk(WorkOrders orders, WorkOrderSteps steps, CaseFiles caseFiles, AgencyDirectory agencies,
            Jurisdictions jurisdictions, SlaPolicy sla, WorkingCalendar calendar, ApplicationEventPublisher events,
            BusinessTime time) {
        this.orders = orders;
        this.steps = steps;
        this.caseFiles = caseFiles;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.sla = sla;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
    }

    public record Dispatch(String agencyCode, String requestText, String sharedSummary, Instant deadline) {
    }

    public WorkOrderView dispatch(long caseId, Dispatch dispatch, CurrentUser user) {
        CaseRef ref = caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("没有这个个案，或不在您的管辖范围内"));
        if (!DISPATCHABLE.contains(ref.status())) {
            throw Refusal.invalidState("case-not-dispatchable",
                    "个案处于“" + ref.status().label() + "”状态，只有评估、应急处置、处置、帮扶中的个案可以派单");
        }
        AgencySummary agency = activeAgency(dispatch.agencyCode(), ref.villageCode());
        Instant now = time.now();
        Instant policyRespond = SlaDuration.parse(sla.workOrder().respond()).addTo(now, calendar);
        if (dispatch.deadline() != null && (dispatch.deadline().isBefore(now) || dispatch.deadline().isAfter(policyRespond))) {
            throw Refusal.invalidField("deadline", "办理期限须晚于现在且不晚于政策期限（" + sla.workOrder().respond()
                    + "，即 " + localTime(policyRespond) + "）");
        }
        WorkOrder order = orders.save(new WorkOrder(caseId, ref.caseNumber(), ref.villageCode(), agency.code(),
                dispatch.requestText().strip(), dispatch.sharedSummary().strip(), user.username(), now,
                signDeadline(ref.status(), now), dispatch.deadline()));
        record(order, user, WorkOrderAction.DISPATCH, "派往 " + agency.name());
        return view(order, user);
    }

    public WorkOrderView sign(long id, CurrentUser user) {
        WorkOrder order = forStep(id, WorkOrderAction.SIGN, user);
        Instant now = time.now();
        order.signed(now, respondDeadline(order, now));
        record(order, user, WorkOrderAction.SIGN, null);
        return view(order, user);
    }

    public WorkOrderView returnOrder(long id, String reason, CurrentUser user) {
        requireText(reason, "reason", "退回须说明理由（例如不属于本部门职责）");
        WorkOrder order = forStep(id, WorkOrderAction.RETURN, user);
        order.returned();
        record(order, user, WorkOrderAction.RETURN, reason.strip());
        return view(order, user);
    }

    public WorkOrderView respond(long id, String answer, CurrentUser user) {
        requireText(answer, "answer", "须填写办理情况反馈");
        WorkOrder order = forStep(id, WorkOrderAction.RESPOND, user);
        order.responded(time.now(), answer.strip());
        record(order, user, WorkOrderAction.RESPOND, answer.strip());
        return view(order, user);
    }

    public WorkOrderView complete(long id, String note, CurrentUser user) {
        WorkOrder order = forStep(id, WorkOrderAction.COMPLETE, user);
        order.completed(time.now());
        record(order, user, WorkOrderAction.COMPLETE, Texts.blankToNull(note));
        return view(order, user);
    }

    public WorkOrderView reopen(long id, String reason, CurrentUser user) {
        requireText(reason, "reason", "重办须说明理由");
        WorkOrder order = forStep(id, WorkOrderAction.REOPEN, user);
        order.reopened(respondDeadline(order, time.now()));
        record(order, user, WorkOrderAction.REOPEN, reason.strip());
        return view(order, user);
    }

    /** A returned order goes out again, to the same agency or another one. */
    public WorkOrderView redispatch(long id, String agencyCode, String note, CurrentUser user) {
        WorkOrder order = forStep(id, WorkOrderAction.REDISPATCH, user);
        AgencySummary agency = activeAgency(agencyCode == null || agencyCode.isBlank() ? order.agencyCode() : agencyCode,
                order.villageCode());
        Instant now = time.now();
        CaseStatus caseStatus = caseFiles.find(order.caseId()).map(CaseRef::status).orElse(CaseStatus.HANDLING);
        order.redispatched(agency.code(), now, signDeadline(caseStatus, now));
        record(order, user, WorkOrderAction.REDISPATCH, "派往 " + agency.name() + (note == null || note.isBlank() ? "" : "；" + note.strip()));
        return view(order, user);
    }

    public WorkOrderView revoke(long id, String reason, CurrentUser user) {
        requireText(reason, "reason", "撤回须说明理由");
        WorkOrder order = forStep(id, WorkOrderAction.REVOKE, user);
        order.revoked(time.now());
        record(order, user, WorkOrderAction.REVOKE, reason.strip());
        return view(order, user);
    }

    /** 督办: a supervisor urges the agency; the note goes to the agency by mail. */
    public WorkOrderView urge(long id, String note, CurrentUser user) {
        requireText(note, "note", "督办须填写督办意见");
        WorkOrder order = forStep(id, WorkOrderAction.URGE, user);
        order.urged();
        record(order, user, WorkOrderAction.URGE, note.strip());
        return view(order, user);
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
            throw Refusal.notAllowed("只有协同机构人员有本机构的工单列表");
        }
        Page<WorkOrder> found = orders.findForAgency(user.agencyCode(), status, overdueOnly ? time.now() : null, page);
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_LIST_READ", "AGENCY", user.agencyCode())
                .withDetail(found.getNumberOfElements() + " work orders"));
        return new org.springframework.data.domain.PageImpl<>(views(found.getContent()), page, found.getTotalElements());
    }

    /** The orders of a case, for someone who works it. Audited. */
    public List<WorkOrderView> ofCase(long caseId, CurrentUser user) {
        List<WorkOrderView> found = ofCaseUnaudited(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_LIST_READ", "CASE", caseId));
        return found;
    }

    /** For the case page, whose read is audited as CASE_READ already. */
    @Transactional(readOnly = true)
    List<WorkOrderView> ofCaseUnaudited(long caseId, CurrentUser user) {
        if (!caseFiles.isWorkedBy(caseId, user)) {
            throw Refusal.notFound("没有这个个案，或不在您的管辖范围内");
        }
        return views(orders.findByCaseIdOrderById(caseId));
    }

    /** Orders still waiting to be signed past their sign-by, earliest first. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForSigning(Instant now, int limit) {
        return overdue(WorkOrderStatus.DISPATCHED, now, limit);
    }

    /** Signed orders still unanswered past their respond-by, earliest first. */
    @Transactional(readOnly = true)
    public List<WorkOrderDue> overdueForResponse(Instant now, int limit) {
        return overdue(WorkOrderStatus.SIGNED, now, limit);
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
                o.dispatchedBy(), o.status()));
    }

    public record WorkOrderRouting(long workOrderId, long caseId, String caseNumber, String agencyCode,
            String dispatchedBy, WorkOrderStatus status) {
    }

    boolean hasOrderIn(long caseId, EnumSet<WorkOrderStatus> statuses) {
        return orders.existsByCaseIdAndStatusIn(caseId, statuses);
    }

    // --- internals -------------------------------------------------------------------------------

    private List<WorkOrderDue> overdue(WorkOrderStatus status, Instant now, int limit) {
        return orders.findOverdue(status, now, Pageable.ofSize(limit)).stream()
                .map(o -> new WorkOrderDue(o.id(), o.caseId(), o.villageCode(), o.agencyCode(), o.status(), o.dueAt()))
                .toList();
    }

    private WorkOrder visible(long id, CurrentUser user) {
        return orders.findById(id).filter(o -> isAgencyOf(user, o) || caseFiles.isWorkedBy(o.caseId(), user))
                .orElseThrow(() -> Refusal.notFound("没有这个工单，或您无权查看"));
    }

    /** 404 when the order is not the caller's to see, 403 when it is but the step is not theirs, 409 when the state refuses. */
    private WorkOrder forStep(long id, WorkOrderAction action, CurrentUser user) {
        WorkOrder order = visible(id, user);
        boolean mayTake = switch (action.side()) {
            case AGENCY -> isAgencyOf(user, order);
            case DISPATCHER -> caseFiles.isWorkedBy(order.caseId(), user);
            case SUPERVISOR -> user.is(Role.SUPERVISOR) && user.covers(order.villageCode());
        };
        if (!mayTake) {
            throw Refusal.notAllowed("您不能对该工单执行“" + action.label() + "”");
        }
        if (!action.allowedFrom(order.status())) {
            throw Refusal.invalidState("invalid-work-order-step",
                    "工单处于“" + order.status().label() + "”状态，不能" + action.label())
                    .with("currentStatus", order.status().name());
        }
        // docs/domain.md §5: 督办 is for an order that is late for signing or for its answer
        if (action == WorkOrderAction.URGE && !order.isOverdueAt(time.now())) {
            throw Refusal.invalidState("work-order-not-overdue",
                    "工单尚未逾期（当前期限 " + localTime(order.dueAt()) + "），只能对逾期工单督办")
                    .with("currentStatus", order.status().name());
        }
        return order;
    }

    private static boolean isAgencyOf(CurrentUser user, WorkOrder order) {
        return user.is(Role.AGENCY_STAFF) && order.agencyCode().equals(user.agencyCode());
    }

    /** An active agency whose jurisdiction covers the case's village (a township's station serves its own villages only). */
    private AgencySummary activeAgency(String code, String villageCode) {
        AgencySummary agency = agencies.findByCode(code).filter(AgencySummary::active)
                .orElseThrow(() -> Refusal.invalidField("agencyCode", "没有这个在用的协同机构：" + code));
        if (!JurisdictionScope.of(agency.jurisdictionCode()).contains(villageCode)) {
            throw Refusal.invalidField("agencyCode", agency.name() + "的辖区不包括个案所在地（"
                    + jurisdictions.nameOf(villageCode) + "）");
        }
        return agency;
    }

    private Instant signDeadline(CaseStatus caseStatus, Instant now) {
        String policy = caseStatus == CaseStatus.EMERGENCY ? sla.workOrder().signEmergency() : sla.workOrder().sign();
        return SlaDuration.parse(policy).addTo(now, calendar);
    }

    private Instant respondDeadline(WorkOrder order, Instant from) {
        Instant policy = SlaDuration.parse(sla.workOrder().respond()).addTo(from, calendar);
        Instant requested = order.requestedDeadline();
        return requested != null && requested.isAfter(from) && requested.isBefore(policy) ? requested : policy;
    }

    private void record(WorkOrder order, CurrentUser user, WorkOrderAction action, String note) {
        orders.saveAndFlush(order);
        WorkOrderStep step = steps.save(new WorkOrderStep(order.id(), time.now(), user.username(), action, note));
        AgencySummary agency = agencies.findByCode(order.agencyCode()).orElse(null);
        events.publishEvent(new WorkOrderStepRecorded(order.id(), step.id(), order.caseId(), action,
                agency == null ? order.agencyCode() : agency.name(), note, user.username()));
        events.publishEvent(AuditEvent.success(user.username(), "WORK_ORDER_" + action.name(), "WORK_ORDER", order.id())
                .withDetail("case " + order.caseId() + ", agency " + order.agencyCode()));
        events.publishEvent(eventOf(action, order.id(), step.id(), order.caseId(), order.agencyCode()));
    }

    private static WorkOrderEvent eventOf(WorkOrderAction action, long orderId, long stepId, long caseId, String agency) {
        return switch (action) {
            case DISPATCH -> new WorkOrderDispatched(orderId, stepId, caseId, agency);
            case REDISPATCH -> new WorkOrderRedispatched(orderId, stepId, caseId, agency);
            case SIGN -> new WorkOrderSigned(orderId, stepId, caseId, agency);
            case RETURN -> new WorkOrderReturned(orderId, stepId, caseId, agency);
            case RESPOND -> new WorkOrderResponded(orderId, stepId, caseId, agency);
            case COMPLETE -> new WorkOrderCompleted(orderId, stepId, caseId, agency);
            case REOPEN -> new WorkOrderReopened(orderId, stepId, caseId, agency);
            case REVOKE -> new WorkOrderRevoked(orderId, stepId, caseId, agency);
            case URGE -> new WorkOrderUrged(orderId, stepId, caseId, agency);
        };
    }

    private WorkOrderView view(WorkOrder o, CurrentUser viewer) {
        return views(List.of(o)).get(0);
    }

    /**
     * Views of several orders: their histories in one query, and each agency, case and village
     * looked up once, so a list page costs a handful of queries, not several per row.
     */
    private List<WorkOrderView> views(List<WorkOrder> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = time.now();
        java.util.Map<Long, List<WorkOrderView.Step>> histories = new java.util.HashMap<>();
        steps.findByWorkOrderIdInOrderById(list.stream().map(WorkOrder::id).toList()).forEach(step -> histories
                .computeIfAbsent(step.workOrderId(), id -> new java.util.ArrayList<>()).add(step.toView()));
        java.util.Map<Long, String> caseStatuses = new java.util.HashMap<>();
        java.util.Map<String, String> agencyNames = new java.util.HashMap<>();
        java.util.Map<String, String> villageNames = new java.util.HashMap<>();
        return list.stream().map(o -> new WorkOrderView(o.id(), o.caseId(), o.caseNumber(),
                caseStatuses.computeIfAbsent(o.caseId(),
                        id -> caseFiles.find(id).map(c -> c.status().label()).orElse(null)),
                o.villageCode(), villageNames.computeIfAbsent(o.villageCode(), jurisdictions::nameOf), o.agencyCode(),
                agencyNames.computeIfAbsent(o.agencyCode(),
                        code -> agencies.findByCode(code).map(AgencySummary::name).orElse(code)),
                o.status(), o.status().label(), o.requestText(), o.sharedSummary(), o.dispatchedBy(), o.dispatchedAt(),
                o.signBy(), o.signedAt(), o.respondBy(), o.respondedAt(), o.responseText(), o.dueAt(),
                o.isOverdueAt(now), o.urgeCount(), o.version(), histories.getOrDefault(o.id(), List.of())))
                .toList();
    }

    private static void requireText(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalidField(field, message);
        }
        if (text.length() > 4000) {
            throw Refusal.invalidField(field, "不能超过 4000 个字符");
        }
    }

    private String localTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, time.zone()).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

}
