package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.childprotect.cms.assessment.SupportViews.AssessmentView;
import cn.childprotect.cms.assessment.events.AssessmentCompleted;
import cn.childprotect.cms.assessment.events.AssessmentConfirmed;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk assessments (docs/domain.md, assessment): drafting and completing them with the configured
 * instrument, a supervisor's confirmation of HIGH and CRITICAL levels, and the 30-day reassessment
 * clock that a counting assessment starts again. Writers are the people who work the case;
 * confirming is a supervisor's.
 */
@Service
@Transactional
public class AssessmentDesk {

    static final EnumSet<CaseStatus> ASSESSABLE = EnumSet.of(CaseStatus.ASSESSING, CaseStatus.EMERGENCY,
            CaseStatus.HANDLING, CaseStatus.SUPPORTING, CaseStatus.PENDING_CLOSURE);

    private final Assessments assessments;
    private final ReassessmentSchedules schedules;
    private final RiskInstrument instrument;
    private final WorkedCases worked;
    private final CaseFiles caseFiles;
    private final ChildRegistry children;
    private final SlaPolicy sla;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final JsonMapper json;

    AssessmentDesk(Assessments assessments, ReassessmentSchedules schedules, RiskInstrument instrument,
            WorkedCases worked, CaseFiles caseFiles, ChildRegistry children, SlaPolicy sla, WorkingCalendar calendar,
            ApplicationEventPublisher events, BusinessTime time, JsonMapper json) {
        this.assessments = assessments;
        this.schedules = schedules;
        this.instrument = instrument;
        this.worked = worked;
        this.caseFiles = caseFiles;
        this.children = children;
        this.sla = sla;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
        this.json = json;
    }

    public AssessmentView draft(long caseId, Map<String, String> answers, String rationale, CurrentUser user) {
        CaseRef ref = worked.workedCase(caseId, user);
        if (!ASSESSABLE.contains(ref.status())) {
            throw Refusal.invalidState("case-not-assessable", "assessment.case-not-assessable",
                    Labels.resolvable(ref.status()));
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
            throw Refusal.invalidState("assessment-completed", "assessment.completed-no-edit");
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
            throw Refusal.invalidState("assessment-completed", "assessment.already-completed");
        }
        Map<String, String> answers = read(a.answers());
        List<String> missing = instrument.unanswered(answers);
        if (!missing.isEmpty()) {
            throw Refusal.invalidFields(missing.stream()
                    .map(code -> new Refusal.FieldError("answers." + code, "assessment.answer-required")).toList());
        }
        if (a.rationale() == null || a.rationale().isBlank()) {
            throw Refusal.invalidField("rationale", "assessment.rationale-required");
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

    /**
     * The supervisor's queue of levels to confirm: open cases in their scope, oldest first. The
     * awaiting assessments of the whole deployment are read a page at a time with their cases in
     * one query per page, until the queue is full: items of other townships or of ended cases
     * never hide the caller's (before, only the oldest 1,000 were looked at).
     */
    @Transactional(readOnly = true)
    public List<AwaitingConfirmation> awaitingConfirmation(CurrentUser user, int limit) {
        List<AwaitingConfirmation> queue = new ArrayList<>();
        if (!user.is(Role.SUPERVISOR)) {
            return queue;
        }
        List<Assessment> page;
        int number = 0;
        do {
            page = assessments.findByStatusAndFinalLevelIsNullOrderByCompletedAtAscIdAsc(Assessment.Status.COMPLETED,
                    org.springframework.data.domain.PageRequest.of(number++, AWAITING_PAGE));
            Map<Long, CaseRef> cases = caseFiles.refs(page.stream().map(Assessment::caseId).collect(Collectors.toSet()));
            for (Assessment a : page) {
                if (queue.size() >= limit) {
                    return queue;
                }
                CaseRef c = cases.get(a.caseId());
                if (c != null && c.status().isOpen() && user.covers(c.villageCode())) {
                    queue.add(new AwaitingConfirmation(a.id(), c.id(), c.caseNumber(), c.villageCode(),
                            a.computedLevel(), a.score(), a.assessor(), a.completedAt()));
                }
            }
        }
        while (page.size() == AWAITING_PAGE && queue.size() < limit);
        return queue;
    }

    static final int AWAITING_PAGE = 200;

    /** A supervisor confirms a HIGH/CRITICAL level, or changes it with a reason; only then does it count. */
    public AssessmentView confirm(long caseId, long assessmentId, RiskLevel level, String reason, CurrentUser user) {
        Assessment a = ownAssessment(caseId, assessmentId, user);
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("assessment.confirm.supervisors-only");
        }
        if (a.status() != Assessment.Status.COMPLETED || a.confirmedBy() != null || a.computedLevel() == null
                || !a.computedLevel().needsConfirmation()) {
            throw Refusal.invalidState("nothing-to-confirm", "assessment.confirm.nothing");
        }
        RiskLevel chosen = level == null ? a.computedLevel() : level;
        if (chosen != a.computedLevel() && (reason == null || reason.isBlank())) {
            throw Refusal.invalidField("reason", "assessment.confirm.reason-required");
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
        schedule.dueAt(sla.reassessment().addTo(time.now(), calendar));
        schedules.save(schedule);
    }

    /** A read of case content through the API: audited (the case page is audited as a whole). */
    public List<AssessmentView> assessmentsOf(long caseId, CurrentUser user) {
        worked.workedCase(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "ASSESSMENTS_READ", "CASE", caseId));
        return assessmentsFor(caseId);
    }

    /** For a caller that has already checked the viewer works the case (the case file). */
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

    private Assessment ownAssessment(long caseId, long assessmentId, CurrentUser user) {
        worked.workedCase(caseId, user);
        return assessments.findById(assessmentId).filter(a -> a.caseId() == caseId)
                .orElseThrow(() -> Refusal.notFound("assessment.not-found"));
    }

    /**
     * The answers the instrument derives instead of asking (the age item, from the child's birth
     * date when it is known) replace whatever the caller sent: an assessment cannot contradict them.
     */
    private Map<String, String> withDerivedAnswers(long caseId, Map<String, String> answers) {
        Integer age = caseFiles.childOf(caseId).flatMap(children::find).map(ChildSummary::birthDate)
                .map(birth -> Period.between(birth, time.today()).getYears()).orElse(null);
        Map<String, String> all = new LinkedHashMap<>(answers == null ? Map.of() : answers);
        all.putAll(instrument.derivedAnswers(age));
        return all;
    }

    private void checkAnswers(Map<String, String> answers) {
        List<Refusal.FieldError> errors = instrument.check(answers == null ? Map.of() : answers);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
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

    private String write(Map<String, String> answers) {
        return json.writeValueAsString(new LinkedHashMap<>(answers == null ? Map.of() : answers));
    }

    private Map<String, String> read(String answers) {
        return json.readValue(answers, new TypeReference<LinkedHashMap<String, String>>() { });
    }
}
