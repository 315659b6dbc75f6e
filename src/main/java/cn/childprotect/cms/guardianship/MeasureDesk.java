package cn.childprotect.cms.guardianship;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.agencies.AgencyType;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.guardianship.events.MeasureRecorded;
import cn.childprotect.cms.guardianship.events.MeasureStepRecorded;
import cn.childprotect.cms.guardianship.events.MeasureStepTaken;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.shared.deadlines.DeadlineMet;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guardianship module's facade (docs/domain.md "Guardianship intervention"). Measures are
 * recorded on a case and stepped through their type's table ({@link MeasureSteps}) by whoever
 * works the case (the assigned child director, a supervisor in scope); some steps are a
 * supervisor's. Everyone else: a role that never works cases gets 403, a worker outside the
 * case 404. Staff of a court or the police take their own steps (a decision, a judgement,
 * serving a 告诫书: {@link MeasureSteps.Row#agency()}) and see the measure only through an open
 * work order of their agency on the case. Every step is on the measure's history and the case timeline, audited, and moves
 * the stored deadline of the next step ({@link MeasureDeadlines}).
 */
@Service
@Transactional
public class MeasureDesk {

    /** The deadline kind of the escalations a missed measure deadline raises. */
    public static final String ESCALATION_KIND = "MEASURE_DEADLINE";

    private static final Set<CaseStatus> RECORDABLE = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.EMERGENCY,
            CaseStatus.ASSESSING, CaseStatus.HANDLING, CaseStatus.SUPPORTING);

    private static final Set<CaseStatus> EMERGENCY_OFFERED = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.ASSESSING);

    private static final Set<String> GROUNDS = Set.of("GD01", "GD02", "GD03", "GD04", "GD05");

    private static final int LIST_LIMIT = 200;

    private final Measures measures;
    private final MeasureStepLines lines;
    private final MeasureDeadlines deadlines;
    private final MeasurePolicy policy;
    private final CaseFiles caseFiles;
    private final cn.childprotect.cms.people.ChildRegistry children;
    private final WorkOrderDesk workOrders;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final DocumentWriter documents;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;

    MeasureDesk(Measures measures, MeasureStepLines lines, MeasureDeadlines deadlines, MeasurePolicy policy,
            CaseFiles caseFiles, cn.childprotect.cms.people.ChildRegistry children, Jurisdictions jurisdictions, DocumentWriter documents,
            WorkOrderDesk workOrders, AgencyDirectory agencies, MessageSource messages,
            ApplicationEventPublisher events, BusinessTime time) {
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.children = children;
        this.jurisdictions = jurisdictions;
        this.documents = documents;
        this.messages = messages;
        this.measures = measures;
        this.lines = lines;
        this.deadlines = deadlines;
        this.policy = policy;
        this.caseFiles = caseFiles;
        this.events = events;
        this.time = time;
    }

    // --- commands -------------------------------------------------------------------------------

    /** Records a measure of a type on a case the caller works, with the type's required fields. */
    public MeasureView record(long caseId, MeasureType type, MeasureInput input, CurrentUser user) {
        requireWorkerRole(user);
        CaseRef ref = caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("guardianship.case-not-found"));
        if (type == null) {
            throw Refusal.invalidField("type", "guardianship.type-required");
        }
        MeasureInput in = input == null ? MeasureInput.empty() : input;
        requireFields(MeasureSteps.REQUIRED_ON_CREATION.get(type), in);
        if (!RECORDABLE.contains(ref.status())) {
            throw Refusal.invalidState("case-not-open-for-measures", "guardianship.case-not-open", ref.status().label())
                    .with("currentStatus", ref.status().name());
        }
        if (in.ground() != null && !GROUNDS.contains(in.ground().strip())) {
            throw Refusal.invalidField("ground", "guardianship.ground-invalid", "GD01–GD05");
        }
        if (type == MeasureType.SHELTER && in.validUntil() != null && !in.validUntil().isAfter(in.occurredAt())) {
            throw Refusal.invalidField("validUntil", "guardianship.until-before-start");
        }
        Instant now = time.now();
        Measure measure = new Measure(caseId, ref.caseNumber(), ref.villageCode(), type, in, user.username(), now);
        MeasureDeadlines.NextDeadline next = deadlines.onRecorded(measure);
        measure.scheduleNext(next.kind(), next.at());
        measures.saveAndFlush(measure);
        String note = Texts.blankToNull(in.note()) == null ? null : in.note().strip();
        MeasureStepLine line = lines.save(new MeasureStepLine(measure.id(), now, user.username(), null, null,
                measure.status(), note));
        events.publishEvent(new MeasureStepRecorded(measure.id(), line.id(), caseId, Labels.resolvable(type), null,
                Labels.resolvable(measure.status()), note, user.username()));
        events.publishEvent(new MeasureRecorded(measure.id(), line.id(), caseId, type.name(), measure.status().name()));
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_RECORDED", "MEASURE", measure.id())
                .withDetail("case " + caseId + ", " + type));
        List<String> offered = type.removesChild() && EMERGENCY_OFFERED.contains(ref.status())
                ? List.of("DECLARE_EMERGENCY") : List.of();
        return views(List.of(measure), offered).get(0);
    }

    /**
     * Takes one step of the measure's table. 404 when the measure is not the caller's to see, 403
     * when the step is not theirs, 412 on a stale version, 409 when the type or status has no such
     * step, 422 for missing or wrong fields; nothing changes then.
     */
    public MeasureView take(long id, MeasureStep step, Long expectedVersion, MeasureInput input, CurrentUser user) {
        requireWorkerOrAgency(user);
        Measure measure = visible(id, user);
        if (step == null) {
            throw Refusal.invalidField("step", "guardianship.step-required");
        }
        MeasureSteps.Row row = MeasureSteps.find(measure.type(), step)
                .orElseThrow(() -> Refusal.invalidState("measure-step-not-of-type", "guardianship.step-not-of-type",
                        step.label(), measure.type().label()).with("currentStatus", measure.status().name()));
        if (user.is(Role.AGENCY_STAFF) && (row.agency() == null || row.agency() != agencyTypeOf(user))) {
            throw Refusal.notAllowed("guardianship.step-not-agencys", step.label());
        }
        if (row.who() == MeasureSteps.Who.SUPERVISOR && !(user.is(Role.SUPERVISOR) && user.covers(measure.villageCode()))) {
            throw Refusal.notAllowed("guardianship.step-supervisor-only", step.label());
        }
        if (expectedVersion == null) {
            throw Refusal.invalidField("version", "guardianship.version-required");
        }
        if (expectedVersion != measure.version()) {
            throw Refusal.staleVersion("guardianship.stale", measure.status().label())
                    .with("currentVersion", measure.version()).with("currentStatus", measure.status().name());
        }
        if (!row.from().contains(measure.status())) {
            throw Refusal.invalidState("invalid-measure-step", "guardianship.step-not-allowed",
                    measure.status().label(), step.label()).with("currentStatus", measure.status().name());
        }
        if (measure.ended() && !row.target(measure.status()).ended()) {
            // a step that opens an ended measure again (恢复监护资格) needs a case that is worked on: closure
            // was allowed because the measure had ended
            CaseStatus caseStatus = caseFiles.find(measure.caseId()).map(CaseRef::status).orElse(CaseStatus.CLOSED);
            if (!RECORDABLE.contains(caseStatus)) {
                throw Refusal.invalidState("case-not-open-for-measures", "guardianship.case-not-open",
                        caseStatus.label()).with("currentStatus", measure.status().name());
            }
        }
        MeasureInput in = input == null ? MeasureInput.empty() : input;
        requireFields(row.required(), in);
        Instant now = time.now();
        checkStep(measure, step, in, now);
        MeasureStatus from = measure.status();
        Instant previousDeadline = measure.nextDeadlineAt();
        measure.take(row, in);
        MeasureDeadlines.NextDeadline next = deadlines.afterStep(measure, step, in, now);
        measure.scheduleNext(next.kind(), next.at());
        measures.saveAndFlush(measure);
        String note = Texts.blankToNull(in.note()) == null ? null : in.note().strip();
        MeasureStepLine line = lines.save(new MeasureStepLine(measure.id(), now, user.username(), step, from,
                measure.status(), note));
        if (previousDeadline != null && !Objects.equals(previousDeadline, measure.nextDeadlineAt())) {
            // the step settles the deadline it was waiting for: an escalation of it resolves itself
            events.publishEvent(new DeadlineMet(ESCALATION_KIND, measure.id(), "deadline-met.measure"));
        }
        events.publishEvent(new MeasureStepRecorded(measure.id(), line.id(), measure.caseId(),
                Labels.resolvable(measure.type()), Labels.resolvable(step), Labels.resolvable(measure.status()), note,
                user.username()));
        events.publishEvent(new MeasureStepTaken(measure.id(), line.id(), measure.caseId(), measure.type().name(),
                step.name(), measure.status().name()));
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_" + step.name(), "MEASURE", measure.id())
                .withDetail("case " + measure.caseId() + ", " + from + " -> " + measure.status()));
        return views(List.of(measure), List.of()).get(0);
    }

    /** The rules of single steps that the table cannot say (DOMAIN.md §6.1). */
    private void checkStep(Measure measure, MeasureStep step, MeasureInput in, Instant now) {
        switch (step) {
            case GRANT, EXTEND -> {
                Instant start = step == MeasureStep.GRANT && in.validFrom() != null ? in.validFrom() : in.decidedAt();
                if (!in.validUntil().isAfter(start)) {
                    throw Refusal.invalidField("validUntil", "guardianship.until-before-start");
                }
                // 反家暴法 art. 30: valid for at most six months from the decision
                Instant longest = ZonedDateTime.ofInstant(in.decidedAt(), time.zone())
                        .plusMonths(policy.protectionOrderMaxValidityMonths()).toInstant();
                if (in.validUntil().isAfter(longest)) {
                    throw Refusal.invalidField("validUntil", "guardianship.validity-too-long",
                            policy.protectionOrderMaxValidityMonths(), deadlines.localDate(longest));
                }
                if (step == MeasureStep.EXTEND && !in.validUntil().isAfter(measure.validUntil())) {
                    throw Refusal.invalidField("validUntil", "guardianship.extension-not-later",
                            deadlines.localDate(measure.validUntil()));
                }
            }
            case RECONSIDER -> {
                Instant last = deadlines.reconsiderationEnd(measure);
                if (now.isAfter(last)) {
                    throw Refusal.invalidState("reconsideration-period-over", "guardianship.reconsideration-over",
                            deadlines.localDateTime(last)).with("currentStatus", measure.status().name());
                }
            }
            case EXPIRE -> {
                if (now.isBefore(measure.validUntil())) {
                    throw Refusal.invalidState("protection-order-still-valid", "guardianship.still-valid",
                            deadlines.localDate(measure.validUntil())).with("currentStatus", measure.status().name());
                }
            }
            case JUDGE -> {
                if (Boolean.TRUE.equals(in.revoked()) && Texts.blankToNull(in.newGuardian()) == null) {
                    throw Refusal.invalidField("newGuardian", "guardianship.new-guardian-required");
                }
                if (!Boolean.TRUE.equals(in.revoked()) && Texts.blankToNull(in.newGuardian()) != null) {
                    throw Refusal.invalidField("newGuardian", "guardianship.new-guardian-without-revocation");
                }
            }
            case APPLY_RESTORATION -> {
                if (measure.newGuardian() == null) {
                    throw Refusal.invalidState("guardianship-not-revoked", "guardianship.restoration-not-revoked")
                            .with("currentStatus", measure.status().name());
                }
                ZonedDateTime today = ZonedDateTime.ofInstant(now, time.zone());
                Instant earliest = today.plusMonths(policy.restorationObservationMinMonths()).minusDays(1).toInstant();
                Instant latest = today.plusMonths(policy.restorationObservationMaxMonths()).plusDays(1).toInstant();
                if (in.observationUntil().isBefore(earliest) || in.observationUntil().isAfter(latest)) {
                    throw Refusal.invalidField("observationUntil", "guardianship.observation-out-of-range",
                            policy.restorationObservationMinMonths(), policy.restorationObservationMaxMonths());
                }
            }
            case SERVE -> {
                if (in.servedAt().isAfter(now)) {
                    throw Refusal.invalidField("servedAt", "guardianship.in-future");
                }
            }
            default -> {
            }
        }
    }

    // --- documents ------------------------------------------------------------------------------

    /** Documents are written in Chinese whatever the language of the request: they go to courts and committees. */
    private static final Locale DOCUMENT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    /**
     * Generates a document of the measure from its template (docs/domain.md, Documents) with the
     * case's and the measure's data, for whoever works the case. Audited: it carries the child's name.
     */
    // not read-only: the audit row is written in this transaction
    public MeasureDocument document(long id, DocumentKind kind, CurrentUser user) {
        requireWorkerRole(user);
        Measure m = visible(id, user);
        if (!kind.isFor(m.type())) {
            throw Refusal.invalidState("document-not-for-type", "guardianship.document-not-for-type", kind.label(),
                    m.type().label()).with("currentStatus", m.status().name());
        }
        String blank = text("guardianship.document.blank");
        Long childId = caseFiles.childOf(m.caseId()).orElse(null);
        Map<String, String> values = new HashMap<>();
        var child = childId == null ? java.util.Optional.<cn.childprotect.cms.people.ChildSummary>empty()
                : children.find(childId);
        values.put("childName", child.map(c -> c.name()).filter(n -> n != null && !n.isBlank()).orElse(blank));
        values.put("childBirthDate", child.map(c -> c.birthDate()).map(this::date).orElse(blank));
        values.put("village", jurisdictions.nameOf(m.villageCode()));
        values.put("caseNumber", m.caseNumber());
        values.put("applicant", orBlank(m.applicant(), blank));
        values.put("court", orBlank(m.body(), blank));
        values.put("filedDate", m.occurredAt() == null ? blank : date(time.dateOf(m.occurredAt())));
        values.put("placedDate", m.occurredAt() == null ? blank : date(time.dateOf(m.occurredAt())));
        values.put("groundsText", orBlank(m.groundsText(), blank));
        values.put("ground", m.ground() == null ? blank : text("guardianship.ground." + m.ground()));
        values.put("placement", m.placement() == null ? blank : Labels.of(m.placement(), DOCUMENT_LOCALE));
        values.put("place", orBlank(m.place(), blank));
        values.put("newGuardian", orBlank(m.newGuardian(), blank));
        values.put("today", date(time.today()));
        byte[] content = documents.write(kind, values, m.urgent());
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_DOCUMENT_GENERATED", "MEASURE", id)
                .withDetail("case " + m.caseId() + ", " + kind));
        return new MeasureDocument(Labels.of(kind, DOCUMENT_LOCALE) + "-" + m.caseNumber() + ".docx", content);
    }

    private String date(java.time.LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(text("guardianship.document.date-pattern"), DOCUMENT_LOCALE));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, DOCUMENT_LOCALE);
    }

    private static String orBlank(String value, String blank) {
        return value == null ? blank : value;
    }

    // --- queries --------------------------------------------------------------------------------

    /** One measure, for whoever works its case. Audited. */
    // not read-only: the audit row is written in this transaction
    public MeasureView find(long id, CurrentUser user) {
        requireWorkerOrAgency(user);
        Measure measure = visible(id, user);
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_READ", "MEASURE", id));
        return views(List.of(measure), List.of()).get(0);
    }

    /**
     * Measures in the caller's scope (a supervisor: the jurisdiction; a child director: the cases
     * assigned to them), filtered by type, status and "overdue" (past the stored deadline). Audited.
     */
    // not read-only: the audit row is written in this transaction
    public List<MeasureView> list(MeasureType type, MeasureStatus status, boolean overdueOnly, CurrentUser user) {
        requireWorkerRole(user);
        List<Measure> found = measures.findInScope(user.scope().likePattern(), type, status,
                overdueOnly ? time.now() : null, Pageable.ofSize(LIST_LIMIT));
        // a director's cases among the page's, in one query (not one look-up per measure)
        Set<Long> worked = user.is(Role.SUPERVISOR) ? Set.of()
                : caseFiles.workedBy(found.stream().map(Measure::caseId).collect(Collectors.toSet()), user);
        List<Measure> visible = user.is(Role.SUPERVISOR) ? found
                : found.stream().filter(m -> worked.contains(m.caseId())).toList();
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_LIST_READ", "JURISDICTION",
                user.jurisdictionCode()).withDetail(visible.size() + " measures"));
        return views(visible, List.of());
    }

    /**
     * The measures of a case for its page (the page's read is audited as CASE_READ already);
     * empty for a viewer who does not work the case.
     */
    @Transactional(readOnly = true)
    public List<MeasureSummary> forCase(long caseId, CurrentUser viewer) {
        if (!caseFiles.isWorkedBy(caseId, viewer)) {
            return List.of();
        }
        Instant now = time.now();
        return measures.findByCaseIdOrderById(caseId).stream().map(m -> summary(m, now)).toList();
    }

    /** Active protection orders and placements in a supervisor's scope, by end date (the supervisor's list). Audited. */
    // not read-only: the audit row is written in this transaction
    public List<MeasureSummary> activeOrdersAndPlacements(CurrentUser user) {
        if (!user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("guardianship.supervisors-only");
        }
        Instant now = time.now();
        List<MeasureSummary> found = measures.findActive(user.scope().likePattern(), List.of(MeasureType.PROTECTION_ORDER,
                MeasureType.TEMPORARY_GUARDIANSHIP, MeasureType.SHELTER), Pageable.ofSize(LIST_LIMIT)).stream()
                .map(m -> summary(m, now)).toList();
        events.publishEvent(AuditEvent.success(user.username(), "MEASURE_LIST_READ", "JURISDICTION",
                user.jurisdictionCode()).withDetail(found.size() + " active orders and placements"));
        return found;
    }

    /** Whether a case has a measure without an end (the closure guard). */
    @Transactional(readOnly = true)
    boolean hasOpenMeasure(long caseId) {
        return measures.existsByCaseIdAndEndedFalse(caseId);
    }

    // --- internals -------------------------------------------------------------------------------

    /** Roles that never work a case file (reporters, hotline operators, agencies, administrators) may not. */
    private static void requireWorkerRole(CurrentUser user) {
        if (!user.is(Role.CHILD_DIRECTOR) && !user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed("guardianship.workers-only");
        }
    }

    /** Agency staff act on a measure only through an open work order of their agency on its case. */
    private static void requireWorkerOrAgency(CurrentUser user) {
        if (!user.is(Role.AGENCY_STAFF)) {
            requireWorkerRole(user);
        }
    }

    private Measure visible(long id, CurrentUser user) {
        return measures.findById(id).filter(m -> user.is(Role.AGENCY_STAFF)
                ? workOrders.hasOpenOrderFor(m.caseId(), user.agencyCode())
                : caseFiles.isWorkedBy(m.caseId(), user))
                .orElseThrow(() -> Refusal.notFound("guardianship.not-found"));
    }

    private AgencyType agencyTypeOf(CurrentUser user) {
        return agencies.findByCode(user.agencyCode()).map(AgencySummary::type).orElse(null);
    }

    private static void requireFields(Set<MeasureField> required, MeasureInput in) {
        List<Refusal.FieldError> missing = new ArrayList<>();
        for (MeasureField field : required) {
            if (!in.has(field)) {
                missing.add(new Refusal.FieldError(field.name(), "guardianship.field-required." + field.name()));
            }
        }
        if (!missing.isEmpty()) {
            throw Refusal.invalidFields(missing);
        }
    }

    private MeasureSummary summary(Measure m, Instant now) {
        return new MeasureSummary(m.id(), m.caseId(), m.caseNumber(), m.type(), m.type().label(), m.status(),
                m.status().label(), m.ended(), m.body(), m.place(), m.validUntil(), m.deadlineKind(),
                m.deadlineKind() == null ? null : m.deadlineKind().label(), m.nextDeadlineAt(), m.isOverdueAt(now));
    }

    private List<MeasureView> views(List<Measure> list, List<String> offered) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = time.now();
        Map<Long, List<MeasureView.Step>> histories = new HashMap<>();
        lines.findByMeasureIdInOrderById(list.stream().map(Measure::id).toList()).forEach(l -> histories
                .computeIfAbsent(l.measureId(), k -> new ArrayList<>())
                .add(new MeasureView.Step(l.occurredAt(), l.actor(), l.step(), l.step() == null ? null : l.step().label(),
                        l.toStatus(), l.toStatus().label(), l.note())));
        return list.stream().map(m -> new MeasureView(m.id(), m.caseId(), m.caseNumber(), m.villageCode(), m.type(),
                m.type().label(), m.status(), m.status().label(), m.ended(), m.applicant(), m.body(),
                m.referenceNumber(), m.urgent(), m.occurredAt(), m.decidedAt(), m.validFrom(), m.validUntil(),
                m.ground(), m.placement(), m.placement() == null ? null : m.placement().label(), m.place(),
                m.servedOn(), m.servedAt(), m.committeeNotified(), m.groundsText(), m.newGuardian(),
                m.observationUntil(), m.deadlineKind(), m.deadlineKind() == null ? null : m.deadlineKind().label(),
                m.nextDeadlineAt(), m.isOverdueAt(now), m.version(), m.createdBy(), m.createdAt(),
                histories.getOrDefault(m.id(), List.of()),
                MeasureSteps.from(m.type(), m.status()).stream().map(r -> new MeasureView.AllowedStep(r.step(),
                        r.step().label(), r.who(), r.required())).toList(),
                offered)).toList();
    }
}
