package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.assessment.SupportViews.AssessmentView;
import cn.childprotect.cms.assessment.SupportViews.PlanRevisionView;
import cn.childprotect.cms.assessment.SupportViews.PlanView;
import cn.childprotect.cms.assessment.SupportViews.Visit;
import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.assessment.events.AssessmentCompleted;
import cn.childprotect.cms.assessment.events.AssessmentConfirmed;
import cn.childprotect.cms.assessment.events.FollowUpVisitRecorded;
import cn.childprotect.cms.assessment.events.SupportPlanRevised;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment module's facade. Writers are the people who work the case (the assigned child
 * director, a supervisor in scope); confirming a HIGH or CRITICAL level is a supervisor's; for
 * anyone else the case is not there (404).
 */
@Service
@Transactional
public class CaseSupport {

    static final EnumSet<CaseStatus> ASSESSABLE = EnumSet.of(CaseStatus.ASSESSING, CaseStatus.EMERGENCY,
            CaseStatus.HANDLING, CaseStatus.SUPPORTING, CaseStatus.PENDING_CLOSURE);

    private final Assessments assessments;
    private final SupportPlans plans;
    private final PlanRevisions revisions;
    private final FollowUpVisits visits;
    private final ReassessmentSchedules schedules;
    private final RiskInstrument instrument;
    private final CaseFiles caseFiles;
    private final WorkOrderDesk workOrders;
    private final AgencyDirectory agencies;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final JsonMapper json;
    private final ChildRegistry children;
    private final Validator validator;

    CaseSupport(Assessments assessments, SupportPlans plans, PlanRevisions revisions, FollowUpVisits visits,
            ReassessmentSchedules schedules, RiskInstrument instrument, CaseFiles caseFiles, WorkOrderDesk workOrders,
            AgencyDirectory agencies, SlaPolicy sla, WorkingCalendar calendar, ApplicationEventPublisher events,
            BusinessTime time, JsonMapper json, ChildRegistry children, Validator validator) {
        this.children = children;
        this.validator = validator;
        this.assessments = assessments;
        this.plans = plans;
        this.revisions = revisions;
        this.visits = visits;
        this.schedules = schedules;
        this.instrument = instrument;
        this.caseFiles = caseFiles;
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.sla = sla;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
        this.json = json;
    }

    // --- assessments ------------------------------------------------------------------------------

    public AssessmentView draft(long caseId, Map<String, String> answers, String rationale, CurrentUser user) {
        CaseRef ref = workedCase(caseId, user);
        if (!ASSESSABLE.contains(ref.status())) {
            throw Refusal.invalidState("case-not-assessable", "个案处于“" + ref.status().label() + "”状态，不能评估");
        }
        answers = withDerivedAnswers(caseId, answers);
        checkAnswers(answers);
        Assessment a = assessments.save(new Assessment(caseId, instrument.version(), write(answers), rationale,
                user.username(), time.now()));
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENT_DRAFTED", "CASE", caseId));
        return view(a);
    }

    public AssessmentView edit(long caseId, long assessmentId, Map<String, String> answers, String rationale,
            CurrentUser user) {
        Assessment a = ownAssessment(caseId, assessmentId, user);
        if (a.status() != Assessment.Status.DRAFT) {
            throw Refusal.invalidState("assessment-completed", "已完成的评估不能修改；需要时请新建一次评估");
        }
        answers = withDerivedAnswers(caseId, answers);
        checkAnswers(answers);
        a.edit(write(answers), rationale);
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENT_EDITED", "CASE", caseId));
        return view(a);
    }

    public AssessmentView complete(long caseId, long assessmentId, CurrentUser user) {
        Assessment a = ownAssessment(caseId, assessmentId, user);
        if (a.status() != Assessment.Status.DRAFT) {
            throw Refusal.invalidState("assessment-completed", "该评估已完成");
        }
        Map<String, String> answers = read(a.answers());
        List<String> missing = instrument.unanswered(answers);
        if (!missing.isEmpty()) {
            throw Refusal.invalidFieldMaps(missing.stream()
                    .map(code -> Map.of("field", "answers." + code, "message", "完成评估前须回答此项")).toList());
        }
        if (a.rationale() == null || a.rationale().isBlank()) {
            throw Refusal.invalidField("rationale", "完成评估须填写评估意见");
        }
        RiskInstrument.Result result = instrument.evaluate(answers);
        a.complete(result.score(), result.level(), time.now());
        events.publishEvent(new AssessmentCompleted(caseId, a.id(), result.level(), result.score(),
                result.level().needsConfirmation(), user.username()));
        if (a.counts()) {
            takeEffect(a, user);
        }
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENT_COMPLETED", "CASE", caseId)
                .withDetail(result.level().name()));
        return view(a);
    }

    /**
     * The page's form: drafts and completes in one transaction, so that a refusal (an item left
     * unanswered, no rationale) leaves no draft and rates nothing.
     */
    public AssessmentView assess(long caseId, Map<String, String> answers, String rationale, CurrentUser user) {
        AssessmentView draft = draft(caseId, answers, rationale, user);
        return complete(caseId, draft.id(), user);
    }

    /** A completed assessment whose HIGH/CRITICAL level waits for a supervisor (评估待确认). */
    public record AwaitingConfirmation(long assessmentId, long caseId, String caseNumber, String villageCode,
            RiskLevel computedLevel, Integer score, String assessor, Instant completedAt) {
    }

    /** The supervisor's queue of levels to confirm: open cases in their scope, oldest first. */
    @Transactional(readOnly = true)
    public List<AwaitingConfirmation> awaitingConfirmation(CurrentUser user, int limit) {
        List<AwaitingConfirmation> queue = new ArrayList<>();
        if (!user.is(Role.SUPERVISOR)) {
            return queue;
        }
        for (Assessment a : assessments.findByStatusAndFinalLevelIsNullOrderByCompletedAt(Assessment.Status.COMPLETED,
                Pageable.ofSize(1000))) {
            if (queue.size() >= limit) {
                break;
            }
            caseFiles.find(a.caseId()).filter(c -> c.status().isOpen() && user.covers(c.villageCode()))
                    .ifPresent(c -> queue.add(new AwaitingConfirmation(a.id(), c.id(), c.caseNumber(), c.villageCode(),
                            a.computedLevel(), a.score(), a.assessor(), a.completedAt())));
        }
        return queue;
    }

    /** A supervisor confirms a HIGH/CRITICAL level, or changes it with a reason; only then does it count. */
    public AssessmentView confirm(long caseId, long assessmentId, RiskLevel level, String reason, CurrentUser user) {
        Assessment a = ownAssessment(caseId, assessmentId, user);
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("高风险、极高风险等级须由儿童督导员确认");
        }
        if (a.status() != Assessment.Status.COMPLETED || a.confirmedBy() != null || a.computedLevel() == null
                || !a.computedLevel().needsConfirmation()) {
            throw Refusal.invalidState("nothing-to-confirm", "该评估无需确认或已确认");
        }
        RiskLevel chosen = level == null ? a.computedLevel() : level;
        if (chosen != a.computedLevel() && (reason == null || reason.isBlank())) {
            throw Refusal.invalidField("reason", "调整风险等级须说明理由");
        }
        a.confirm(chosen, user.username(), reason == null ? null : reason.strip(), time.now());
        events.publishEvent(new AssessmentConfirmed(caseId, a.id(), chosen, a.computedLevel(),
                reason == null ? null : reason.strip(), user.username()));
        takeEffect(a, user);
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENT_CONFIRMED", "CASE", caseId)
                .withDetail(chosen.name()));
        return view(a);
    }

    private void takeEffect(Assessment a, CurrentUser user) {
        caseFiles.recordRiskLevel(a.caseId(), a.finalLevel(), user.username());
        ReassessmentSchedule schedule = schedules.findById(a.caseId()).orElseGet(() -> new ReassessmentSchedule(a.caseId()));
        schedule.dueAt(SlaDuration.parse(sla.reassessment()).addTo(time.now(), calendar));
        schedules.save(schedule);
    }

    /** A read of case content through the API: audited (the case page is audited as a whole). */
    public List<AssessmentView> assessmentsOf(long caseId, CurrentUser user) {
        workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENTS_READ", "CASE", caseId));
        return assessmentsFor(caseId);
    }

    /**
     * Assessments, plan and visits of a case for its case file (docs/domain.md, the case file):
     * checks that the viewer works the case but does not audit, because the case file audits
     * its read as a whole (CASE_READ).
     */
    @Transactional(readOnly = true)
    public SupportViews.OfCase ofCaseUnaudited(long caseId, CurrentUser viewer) {
        workedCase(caseId, viewer);
        return new SupportViews.OfCase(assessmentsFor(caseId), findPlan(caseId).orElse(null), visitsFor(caseId));
    }

    List<AssessmentView> assessmentsFor(long caseId) {
        return assessments.findByCaseIdOrderById(caseId).stream().map(this::view).toList();
    }

    /** Whether a completed (and where needed confirmed) assessment exists: the COMPLETE_ASSESSMENT guard. */
    boolean hasCountingAssessment(long caseId) {
        return assessments.findByCaseIdOrderById(caseId).stream().anyMatch(Assessment::counts);
    }

    public record ReassessmentDue(long caseId, Instant due) {
    }

    /** Open cases whose 30-day reassessment is overdue, earliest first (index range scan). */
    @Transactional(readOnly = true)
    public List<ReassessmentDue> overdueReassessments(Instant now, int limit) {
        return overdueReassessments(now, cn.childprotect.cms.shared.deadlines.DeadlineKey.START, limit);
    }

    /** The same after a (due, case id) key, for a sweep that works through a backlog. */
    @Transactional(readOnly = true)
    public List<ReassessmentDue> overdueReassessments(Instant now, cn.childprotect.cms.shared.deadlines.DeadlineKey after,
            int limit) {
        return schedules.findOverdue(now, after.deadline(), after.sourceId(), Pageable.ofSize(limit)).stream()
                .map(s -> new ReassessmentDue(s.caseId(), s.reassessmentDue())).toList();
    }

    /** A case that is closed no longer needs reassessing. */
    void stopSchedule(long caseId) {
        schedules.findById(caseId).ifPresent(s -> s.dueAt(null));
    }

    // --- support plan -----------------------------------------------------------------------------

    public record ServiceInput(String type, String providerAgencyCode, String providerName, LocalDate dueDate,
            PlanService.ServiceStatus status, String notDoneReason, Long workOrderId, boolean sendAsWorkOrder,
            String workOrderRequest) {
    }

    public static final List<String> SERVICE_TYPES = List.of("监护指导", "医疗救治", "心理疏导", "行为矫治", "教育/复学",
            "户籍", "社会救助", "法律援助", "临时照料", "其他");

    public PlanView savePlan(long caseId, String goals, List<ServiceInput> services, Long expectedVersion,
            CurrentUser user) {
        CaseRef ref = workedCase(caseId, user);
        if (!ref.status().isOpen() || ref.status() == CaseStatus.RECEIVED) {
            throw Refusal.invalidState("case-not-plannable", "个案处于“" + ref.status().label() + "”状态，不能修改帮扶计划");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (goals == null || goals.isBlank()) {
            errors.add(Map.of("field", "goals", "message", "须填写帮扶目标"));
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceInput s = services.get(i);
            String f = "services[" + i + "]";
            if (s.type() == null || !SERVICE_TYPES.contains(s.type())) {
                errors.add(Map.of("field", f + ".type", "message", "服务类型须为：" + String.join("、", SERVICE_TYPES)));
            }
            boolean agency = s.providerAgencyCode() != null && !s.providerAgencyCode().isBlank();
            if (agency && agencies.findByCode(s.providerAgencyCode()).isEmpty()) {
                errors.add(Map.of("field", f + ".providerAgencyCode", "message", "没有这个协同机构"));
            }
            if (!agency && (s.providerName() == null || s.providerName().isBlank())) {
                errors.add(Map.of("field", f + ".providerName", "message", "须写明提供服务的机构或个人"));
            }
            if (s.status() == PlanService.ServiceStatus.NOT_DONE && (s.notDoneReason() == null || s.notDoneReason().isBlank())) {
                errors.add(Map.of("field", f + ".notDoneReason", "message", "未完成须说明原因"));
            }
            if (s.sendAsWorkOrder() && !agency) {
                errors.add(Map.of("field", f + ".sendAsWorkOrder", "message", "只有由协同机构提供的服务才能派发工单"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFieldMaps(errors);
        }
        SupportPlan plan = plans.findByCaseId(caseId).orElseGet(() -> new SupportPlan(caseId));
        if (expectedVersion != null && plan.id() != null && plan.version() != expectedVersion) {
            throw Refusal.invalidState("stale-version", "帮扶计划已被其他人修改，请刷新后再改");
        }
        List<PlanService> saved = new ArrayList<>();
        for (ServiceInput s : services) {
            Long orderId = s.workOrderId();
            if (s.sendAsWorkOrder() && orderId == null) {
                // one step: the service goes to its agency as a work order
                orderId = workOrders.dispatch(caseId, new WorkOrderDesk.Dispatch(s.providerAgencyCode(),
                        s.workOrderRequest() == null || s.workOrderRequest().isBlank()
                                ? "请按帮扶计划提供服务：" + s.type() : s.workOrderRequest(),
                        "帮扶计划服务：" + s.type() + (s.dueDate() == null ? "" : "，期限 " + s.dueDate()), null), user).id();
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

    public PlanView plan(long caseId, CurrentUser user) {
        workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "SUPPORT_PLAN_READ", "CASE", caseId));
        return plans.findByCaseId(caseId).map(this::planView)
                .orElseThrow(() -> Refusal.notFound("该个案还没有帮扶计划"));
    }

    public List<PlanRevisionView> planHistory(long caseId, CurrentUser user) {
        workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "SUPPORT_PLAN_HISTORY_READ", "CASE", caseId));
        return revisions.findByCaseIdOrderByIdDesc(caseId).stream()
                .map(r -> new PlanRevisionView(r.id(), r.revisedAt(), r.revisedBy(), r.goals(), services(r.services())))
                .toList();
    }

    /** The plan for the case page, whose caller has already checked the viewer works the case. */
    java.util.Optional<PlanView> findPlan(long caseId) {
        return plans.findByCaseId(caseId).map(this::planView);
    }

    boolean hasPlanWithService(long caseId) {
        return plans.findByCaseId(caseId).filter(p -> p.serviceCount() > 0).isPresent();
    }

    // --- visits ----------------------------------------------------------------------------------------

    /**
     * A follow-up visit as recorded. The checks on single fields are Bean Validation constraints
     * whose message is a message key (messages.properties, {@code assessment.visit.*}); the rules
     * that need the clock or two fields stay in {@link #recordVisit}.
     */
    public record VisitInput(@NotNull(message = "assessment.visit.visited-on") LocalDate visitedOn,
            @NotNull(message = "assessment.visit.type") @Pattern(regexp = "HOME_VISIT|PHONE|SCHOOL|OTHER",
                    message = "assessment.visit.type") String type,
            String personsSeen,
            @NotBlank(message = "assessment.visit.observations") @Size(max = 4000,
                    message = "assessment.visit.observations") String observations,
            @NotNull(message = "assessment.visit.safety") @Pattern(regexp = "SAFE|CONCERNS|IN_DANGER",
                    message = "assessment.visit.safety") String safety,
            String nextSteps, boolean declareEmergency) {
    }

    /** The order in which a visit's field errors are told, as the form shows its fields. */
    private static final List<String> VISIT_FIELDS = List.of("type", "safety", "visitedOn", "observations",
            "declareEmergency");

    public Visit recordVisit(long caseId, VisitInput input, CurrentUser user) {
        CaseRef ref = workedCase(caseId, user);
        if (!ref.status().isOpen()) {
            throw Refusal.invalidState("case-not-open", "个案已“" + ref.status().label() + "”，不能再登记随访");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        validator.validate(input).forEach(v -> errors.add(new Refusal.FieldError(v.getPropertyPath().toString(),
                v.getMessage())));
        // the clock of the business (tests move it), not the validator's
        if (input.visitedOn() != null && input.visitedOn().isAfter(time.today())) {
            errors.add(new Refusal.FieldError("visitedOn", "assessment.visit.visited-on"));
        }
        FollowUpVisit.Safety safety = errors.stream().anyMatch(e -> e.field().equals("safety")) ? null
                : FollowUpVisit.Safety.valueOf(input.safety());
        if (input.declareEmergency() && safety != FollowUpVisit.Safety.IN_DANGER) {
            errors.add(new Refusal.FieldError("declareEmergency", "assessment.visit.emergency-only-in-danger"));
        }
        if (!errors.isEmpty()) {
            // one error per field (two constraints may say the same), in the form's order
            Map<String, Refusal.FieldError> byField = new LinkedHashMap<>();
            errors.stream().sorted(java.util.Comparator.comparingInt(e -> VISIT_FIELDS.indexOf(e.field())))
                    .forEach(e -> byField.putIfAbsent(e.field(), e));
            throw Refusal.invalidFields(List.copyOf(byField.values()));
        }
        FollowUpVisit.Type type = FollowUpVisit.Type.valueOf(input.type());
        Instant visitedAt = input.visitedOn().atTime(12, 0).atZone(time.zone()).toInstant();
        Instant nextDue = caseFiles.recordFollowUpVisit(caseId, visitedAt.isAfter(time.now()) ? time.now() : visitedAt,
                user.username());
        FollowUpVisit visit = visits.save(new FollowUpVisit(caseId, input.visitedOn(), type, Texts.blankToNull(input.personsSeen()),
                input.observations().strip(), safety, Texts.blankToNull(input.nextSteps()), nextDue, user.username(), time.now()));
        events.publishEvent(new FollowUpVisitRecorded(caseId, visit.toView().id(), input.visitedOn(),
                safety == FollowUpVisit.Safety.IN_DANGER, user.username()));
        events.publishEvent(AuditEvent.success(user.username(), "VISIT_RECORDED", "CASE", caseId));
        if (input.declareEmergency()) {
            caseFiles.transition(caseId, new TransitionCommand(CaseEvent.DECLARE_EMERGENCY, "随访发现儿童处于危险", null, null),
                    caseFiles.currentVersion(caseId), user);
        }
        return visit.toView();
    }

    public List<Visit> visitsOf(long caseId, CurrentUser user) {
        workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "VISITS_READ", "CASE", caseId));
        return visitsFor(caseId);
    }

    List<Visit> visitsFor(long caseId) {
        return visits.findByCaseIdOrderByVisitedOnDescIdDesc(caseId).stream().map(FollowUpVisit::toView).toList();
    }

    // --- internals -------------------------------------------------------------------------------------

    private CaseRef workedCase(long caseId, CurrentUser user) {
        return caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("没有这个个案，或不在您的管辖范围内"));
    }

    private Assessment ownAssessment(long caseId, long assessmentId, CurrentUser user) {
        workedCase(caseId, user);
        return assessments.findById(assessmentId).filter(a -> a.caseId() == caseId)
                .orElseThrow(() -> Refusal.notFound("没有这次评估"));
    }

    /**
     * The answers the instrument derives instead of asking (the age item, from the child's birth
     * date when it is known) replace whatever the caller sent: an assessment cannot contradict them.
     */
    private Map<String, String> withDerivedAnswers(long caseId, Map<String, String> answers) {
        Integer age = caseFiles.childOf(caseId).flatMap(children::find).map(ChildSummary::birthDate)
                .map(birth -> java.time.Period.between(birth, time.today()).getYears()).orElse(null);
        Map<String, String> all = new LinkedHashMap<>(answers == null ? Map.of() : answers);
        all.putAll(instrument.derivedAnswers(age));
        return all;
    }

    private void checkAnswers(Map<String, String> answers) {
        List<Map<String, String>> errors = instrument.check(answers == null ? Map.of() : answers);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFieldMaps(errors);
        }
    }

    private AssessmentView view(Assessment a) {
        Map<String, String> answers = read(a.answers());
        List<String> overrides = a.status() == Assessment.Status.COMPLETED && a.instrumentVersion().equals(instrument.version())
                ? instrument.evaluate(answers).appliedOverrides() : List.of();
        return new AssessmentView(a.id(), a.caseId(), a.instrumentVersion(), a.status().name(), answers, a.rationale(),
                a.score(), a.computedLevel(), a.finalLevel(),
                a.status() == Assessment.Status.COMPLETED && a.finalLevel() == null, a.counts(), a.assessor(),
                a.createdAt(), a.completedAt(), a.confirmedBy(), a.confirmedAt(), a.confirmationReason(), overrides,
                a.version());
    }

    private PlanView planView(SupportPlan plan) {
        return new PlanView(plan.caseId(), plan.goals(), services(plan.services()), plan.updatedBy(), plan.updatedAt(),
                plan.version());
    }

    private String write(Map<String, String> answers) {
        return json.writeValueAsString(new LinkedHashMap<>(answers == null ? Map.of() : answers));
    }

    private Map<String, String> read(String answers) {
        return json.readValue(answers, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    private List<PlanService> services(String servicesJson) {
        return servicesJson == null ? List.of() : json.readValue(servicesJson, new TypeReference<List<PlanService>>() { });
    }

}
