package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.assessment.SupportViews.PlanRevisionView;
import cn.childprotect.cms.assessment.SupportViews.PlanView;
import cn.childprotect.cms.assessment.events.SupportPlanRevised;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The support plan (帮扶计划, docs/domain.md, the support plan): its goals and services, each
 * revision kept as history, and a service of a cooperating agency sent to it as a work order in
 * the same step.
 */
@Service
@Transactional
public class SupportPlanDesk {

    /** Text written into a work order is a record, kept in the default language (as WorkOrderDesk does). */
    private static final Locale RECORD_LOCALE = Locale.SIMPLIFIED_CHINESE;

    /** The order in which a service's field errors are told, as the form shows its fields. */
    private static final List<String> SERVICE_FIELDS = List.of("type", "providerAgencyCode", "providerName",
            "notDoneReason", "sendAsWorkOrder");

    private final SupportPlans plans;
    private final PlanRevisions revisions;
    private final WorkedCases worked;
    private final WorkOrderDesk workOrders;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final JsonMapper json;
    private final Validator validator;
    private final MessageSource messages;
    private final SupportServiceTypes serviceTypes;

    SupportPlanDesk(SupportPlans plans, PlanRevisions revisions, WorkedCases worked, WorkOrderDesk workOrders,
            AgencyDirectory agencies, ApplicationEventPublisher events, BusinessTime time, JsonMapper json,
            Validator validator, MessageSource messages, SupportServiceTypes serviceTypes) {
        this.serviceTypes = serviceTypes;
        this.plans = plans;
        this.revisions = revisions;
        this.worked = worked;
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.events = events;
        this.time = time;
        this.json = json;
        this.validator = validator;
        this.messages = messages;
    }

    /** One service of the plan as sent. */
    public record ServiceInput(String type, String providerAgencyCode, String providerName, LocalDate dueDate,
            PlanService.ServiceStatus status, String notDoneReason, Long workOrderId, boolean sendAsWorkOrder,
            String workOrderRequest) {

        boolean byAgency() {
            return providerAgencyCode != null && !providerAgencyCode.isBlank();
        }
    }

    /**
     * The plan as sent, checked by Bean Validation whose messages are bundle keys
     * ({@code assessment.plan.*}); the rules that need the agency register or two fields stay in
     * {@link #savePlan}.
     */
    record PlanInput(@NotBlank(message = "assessment.plan.goals-required") String goals,
            @NotNull(message = "assessment.plan.services-required") List<ServiceInput> services) {
    }

    public PlanView savePlan(long caseId, String goals, List<ServiceInput> services, Long expectedVersion,
            CurrentUser user) {
        CaseRef ref = worked.workedCase(caseId, user);
        if (!ref.status().isOpen() || ref.status() == CaseStatus.RECEIVED) {
            throw Refusal.invalidState("case-not-plannable", "assessment.plan.case-not-plannable",
                    Labels.resolvable(ref.status()));
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        validator.validate(new PlanInput(goals, services)).forEach(v -> errors.add(
                new Refusal.FieldError(v.getPropertyPath().toString(), v.getMessage())));
        for (int i = 0; services != null && i < services.size(); i++) {
            errors.addAll(serviceErrors(services.get(i), "services[" + i + "]"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors.stream().sorted(FORM_ORDER).toList());
        }
        SupportPlan plan = plans.findByCaseId(caseId).orElseGet(() -> new SupportPlan(caseId));
        if (expectedVersion != null && plan.id() != null && plan.version() != expectedVersion) {
            throw Refusal.invalidState("stale-version", "assessment.plan.stale");
        }
        List<PlanService> saved = new ArrayList<>();
        for (ServiceInput s : services) {
            Long orderId = s.workOrderId();
            if (s.sendAsWorkOrder() && orderId == null) {
                // one step: the service goes to its agency as a work order
                orderId = workOrders.dispatch(caseId, new WorkOrderDesk.Dispatch(s.providerAgencyCode(),
                        s.workOrderRequest() == null || s.workOrderRequest().isBlank()
                                ? record("assessment.plan.work-order.request", s.type()) : s.workOrderRequest(),
                        s.dueDate() == null ? record("assessment.plan.work-order.summary", s.type())
                                : record("assessment.plan.work-order.summary-due", s.type(), s.dueDate().toString()),
                        null), user).id();
            }
            saved.add(new PlanService(s.type(), Texts.blankToNull(s.providerAgencyCode()), Texts.blankToNull(s.providerName()), s.dueDate(),
                    s.status() == null ? PlanService.ServiceStatus.PLANNED : s.status(), Texts.blankToNull(s.notDoneReason()), orderId));
        }
        String servicesJson = json.writeValueAsString(saved);
        Instant now = time.now();
        plan.revise(goals.strip(), servicesJson, saved.size(), user.username(), now);
        plans.saveAndFlush(plan);
        revisions.save(new PlanRevision(caseId, now, user.username(), goals.strip(), servicesJson));
        events.publishEvent(new SupportPlanRevised(caseId, saved.size(), user.username()));
        events.publishEvent(AuditEvent.success(user.username(), "SUPPORT_PLAN_SAVED", "CASE", caseId));
        return planView(plan);
    }

    /** The rules of one service that need the agency register or two fields at once. */
    private List<Refusal.FieldError> serviceErrors(ServiceInput s, String f) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (s == null) {
            return errors;
        }
        if (s.type() == null || !serviceTypes.contains(s.type())) {
            errors.add(new Refusal.FieldError(f + ".type", "assessment.plan.service-type",
                    String.join(", ", serviceTypes.codes())));
        }
        if (s.byAgency() && agencies.findByCode(s.providerAgencyCode()).isEmpty()) {
            errors.add(new Refusal.FieldError(f + ".providerAgencyCode", "assessment.plan.no-such-agency"));
        }
        if (!s.byAgency() && (s.providerName() == null || s.providerName().isBlank())) {
            errors.add(new Refusal.FieldError(f + ".providerName", "assessment.plan.provider-required"));
        }
        if (s.status() == PlanService.ServiceStatus.NOT_DONE && (s.notDoneReason() == null || s.notDoneReason().isBlank())) {
            errors.add(new Refusal.FieldError(f + ".notDoneReason", "assessment.plan.not-done-reason"));
        }
        if (s.sendAsWorkOrder() && !s.byAgency()) {
            errors.add(new Refusal.FieldError(f + ".sendAsWorkOrder", "assessment.plan.work-order-needs-agency"));
        }
        return errors;
    }

    /** The goals first, then each service in turn, its fields as the form shows them. */
    private static final Comparator<Refusal.FieldError> FORM_ORDER = Comparator
            .comparingInt((Refusal.FieldError e) -> serviceIndex(e.field()))
            .thenComparingInt(e -> SERVICE_FIELDS.indexOf(e.field().substring(e.field().lastIndexOf('.') + 1)));

    private static int serviceIndex(String field) {
        if (!field.startsWith("services[")) {
            return -1;
        }
        return Integer.parseInt(field.substring("services[".length(), field.indexOf(']')));
    }

    /**
     * The kinds of service a plan may hold (config/support-plan.yml): their codes are the API's
     * {@code type} of a service, their names what pages show.
     */
    public SupportServiceTypes serviceTypes() {
        return serviceTypes;
    }

    public PlanView plan(long caseId, CurrentUser user) {
        worked.workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "SUPPORT_PLAN_READ", "CASE", caseId));
        return plans.findByCaseId(caseId).map(this::planView)
                .orElseThrow(() -> Refusal.notFound("assessment.plan.none"));
    }

    public List<PlanRevisionView> planHistory(long caseId, CurrentUser user) {
        worked.workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "SUPPORT_PLAN_HISTORY_READ", "CASE", caseId));
        return revisions.findByCaseIdOrderByIdDesc(caseId).stream()
                .map(r -> new PlanRevisionView(r.id(), r.revisedAt(), r.revisedBy(), r.goals(), services(r.services())))
                .toList();
    }

    /** The plan for a caller that has already checked the viewer works the case (the case file). */
    Optional<PlanView> findPlan(long caseId) {
        return plans.findByCaseId(caseId).map(this::planView);
    }

    /** The START_SUPPORT guard: a plan with at least one service. */
    boolean hasPlanWithService(long caseId) {
        return plans.findByCaseId(caseId).filter(p -> p.serviceCount() > 0).isPresent();
    }

    private String record(String key, Object... args) {
        return messages.getMessage(key, args, RECORD_LOCALE);
    }

    private PlanView planView(SupportPlan plan) {
        return new PlanView(plan.caseId(), plan.goals(), services(plan.services()), plan.updatedBy(), plan.updatedAt(),
                plan.version());
    }

    private List<PlanService> services(String servicesJson) {
        return servicesJson == null ? List.of() : json.readValue(servicesJson, new TypeReference<List<PlanService>>() { });
    }
}
