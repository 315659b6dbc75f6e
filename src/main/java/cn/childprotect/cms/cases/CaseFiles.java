package cn.childprotect.cms.cases;

import java.util.Set;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.SequenceNumbers;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's facade for commands: opening a case from a report, linking reports,
 * workflow transitions, assignment, and the hooks other modules use (risk level, deadlines,
 * timeline notes). Every change writes its timeline entry and audit row in the same transaction.
 */
@Service
@Transactional
public class CaseFiles {

    static final Set<CaseStatus> OPEN = CaseTransitions.openStates();

    private final Cases cases;
    private final TimelineEntries timeline;
    private final CaseWorkflow workflow;
    private final CaseDeadlines deadlines;
    /** Lazy: guard modules depend on this facade themselves. */
    private final ObjectProvider<TransitionGuard> guards;
    private final SequenceNumbers sequences;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final MessageSource messages;
    private final CaseScreening screening;
    private final TimelineNotes notes;

    CaseFiles(Cases cases, TimelineEntries timeline, CaseWorkflow workflow, CaseDeadlines deadlines,
            ObjectProvider<TransitionGuard> guards, SequenceNumbers sequences, UserDirectory users,
            ApplicationEventPublisher events, BusinessTime time, MessageSource messages, CaseScreening screening,
            TimelineNotes notes) {
        this.notes = notes;
        this.messages = messages;
        this.screening = screening;
        this.cases = cases;
        this.timeline = timeline;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.guards = guards;
        this.sequences = sequences;
        this.users = users;
        this.events = events;
        this.time = time;
    }

    // --- for intake ----------------------------------------------------------------------------

    public CaseRef open(OpenCaseCommand command) {
        Instant now = time.now();
        String county = JurisdictionCodes.countyOf(command.villageCode()).substring(0, 6);
        int year = time.today().getYear();
        long sequence = sequences.next("case:" + county + ":" + year);
        String caseNumber = "CP-%s-%d-%06d".formatted(county, year, sequence);
        CaseFile file = new CaseFile(caseNumber, command.childId(), command.villageCode(), command.categories(),
                command.urgent(), now,
                deadlines.onEntering(CaseStatus.RECEIVED, now, command.categories(), command.urgent(), null),
                command.reportId(), command.receiptNumber(), command.actor());
        cases.save(file);
        events.publishEvent(AuditEvent.success(command.actor(), "CASE_OPENED", "CASE", file.id())
                .withDetail("report " + command.reportId()));
        return file.toRef();
    }

    @Transactional(readOnly = true)
    public Optional<CaseRef> findOpenCaseOfChild(long childId) {
        return cases.findFirstByChildIdAndStatusInOrderByIdDesc(childId, OPEN).map(CaseFile::toRef);
    }

    public CaseRef linkReport(long caseId, long reportId, String receiptNumber, String actor) {
        CaseFile file = load(caseId);
        file.linkReport(reportId, receiptNumber, actor);
        cases.save(file);
        events.publishEvent(AuditEvent.success(actor, "REPORT_LINKED", "CASE", caseId).withDetail("report " + reportId));
        return file.toRef();
    }

    @Transactional(readOnly = true)
    public Optional<CaseRef> find(long caseId) {
        return cases.findById(caseId).map(CaseFile::toRef);
    }

    /**
     * Case numbers by case id, in one query (a page of another module's list, a redacted statistics
     * export: the number, nothing personal); unknown ids are absent.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> caseNumbers(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.findCaseNumbers(caseIds).forEach(row -> numbers.put((Long) row[0], (String) row[1]));
        }
        return numbers;
    }

    /** The given cases' references in one query (a page of another module's list); unknown ids are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CaseRef> refs(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, CaseRef> refs = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.findAllById(caseIds).forEach(c -> {
                CaseRef ref = c.toRef();
                refs.put(ref.id(), ref);
            });
        }
        return refs;
    }

    /** The child a case is about (for modules that need a fact of the child from the people module). */
    @Transactional(readOnly = true)
    public Optional<Long> childOf(long caseId) {
        return cases.findById(caseId).map(CaseFile::childId);
    }

    /** The case's state and since when; for status-only feedback to a reporting unit. */
    @Transactional(readOnly = true)
    public Optional<CaseProgress> progress(long caseId) {
        return cases.findById(caseId).map(c -> new CaseProgress(c.status(), c.statusEnteredAt()));
    }

    // --- for statistics sources (docs/domain.md, "Statistics") ---------------------------------

    /**
     * The dates a case passed its milestones, from its timeline (first acceptance, first emergency,
     * screening out, merge, the latest closure; "decided" is when it first left RECEIVED), with the
     * acceptance deadline the SLA policy sets for it on opening (recomputed from today's policy). No personal data; not scoped, for statistics sources only.
     */
    @Transactional(readOnly = true)
    public Optional<CaseMilestones> milestones(long caseId) {
        return milestones(List.of(caseId)).stream().findFirst();
    }

    /** The same for several cases with two queries, however many (the statistics drain's batch); gone ones are left out. */
    @Transactional(readOnly = true)
    public List<CaseMilestones> milestones(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, List<TimelineMilestone>> entries = new java.util.HashMap<>();
        for (TimelineMilestone entry : timeline.findMilestonesOfCases(caseIds)) {
            entries.computeIfAbsent(entry.caseId(), k -> new java.util.ArrayList<>()).add(entry);
        }
        return cases.findWithCategoriesByIdIn(caseIds).stream()
                .map(file -> milestones(file, entries.getOrDefault(file.id(), List.of())))
                .toList();
    }

    private CaseMilestones milestones(CaseFile file, List<TimelineMilestone> entries) {
        Instant accepted = null;
        Instant emergency = null;
        Instant screenedOut = null;
        Instant merged = null;
        Instant closed = null;
        Instant decided = null;
        for (TimelineMilestone entry : entries) {
            if (decided == null && entry.fromStatus() == CaseStatus.RECEIVED) {
                decided = entry.occurredAt();
            }
            switch (entry.event()) {
                case ACCEPT -> accepted = accepted == null ? entry.occurredAt() : accepted;
                case DECLARE_EMERGENCY -> emergency = emergency == null ? entry.occurredAt() : emergency;
                case SCREEN_OUT -> screenedOut = entry.occurredAt();
                case MERGE -> merged = entry.occurredAt();
                case APPROVE_CLOSURE -> closed = entry.occurredAt();
                default -> { }
            }
        }
        Instant acceptanceDue = deadlines.onEntering(CaseStatus.RECEIVED, file.openedAt(), file.categories(),
                file.urgent(), null);
        // an end counts while the case is in it: a reopened case is no longer closed
        CaseStatus status = file.status();
        return new CaseMilestones(file.id(), file.villageCode(), status, Set.copyOf(file.categories()),
                file.openedAt(), acceptanceDue, decided, accepted, emergency,
                status == CaseStatus.SCREENED_OUT ? screenedOut : null, status == CaseStatus.MERGED ? merged : null,
                status == CaseStatus.CLOSED ? closed : null);
    }

    /** Case ids in ascending order after {@code afterId}, for a statistics rebuild. */
    @Transactional(readOnly = true)
    public List<Long> caseIdsAfter(long afterId, int limit) {
        return cases.findIdsAfter(afterId, org.springframework.data.domain.PageRequest.of(0, limit));
    }

    /** The case if the user's jurisdiction contains it (any role), else empty. */
    @Transactional(readOnly = true)
    public Optional<CaseRef> findInScope(long caseId, CurrentUser user) {
        return cases.findById(caseId).filter(c -> user.covers(c.villageCode())).map(CaseFile::toRef);
    }

    /** Whether this user works the case (supervisor in scope, or the assigned child director). */
    @Transactional(readOnly = true)
    public boolean isWorkedBy(long caseId, CurrentUser user) {
        return cases.findById(caseId).filter(c -> CasePermissions.works(user, c)).isPresent();
    }

    /**
     * The ids among the given cases that this user works ({@link #isWorkedBy}), in one query for a
     * page of another module's list (issue 19: not one look-up per row): a supervisor's are those
     * in its scope, a child director's those assigned to it in its scope, nobody else's any.
     */
    @Transactional(readOnly = true)
    public Set<Long> workedBy(java.util.Collection<Long> caseIds, CurrentUser user) {
        if (caseIds.isEmpty() || !user.is(Role.SUPERVISOR) && !user.is(Role.CHILD_DIRECTOR)) {
            return Set.of();
        }
        String assignee = user.is(Role.CHILD_DIRECTOR) ? user.username() : null;
        return new java.util.HashSet<>(cases.findWorkedAmong(caseIds, user.scope().likePattern(), assignee));
    }

    // --- workflow ------------------------------------------------------------------------------

    /**
     * Fires a workflow event. Refusals: 404 outside the caller's scope (existence is not
     * revealed), 403 when the role may not, 412 on a stale version, 409 when the state has no
     * such transition, 422 when another module's guard is not met; nothing changes then.
     */
    public CaseState transition(long caseId, TransitionCommand command, long expectedVersion, CurrentUser user) {
        CaseFile file = loadForWork(caseId, user);
        requireVersion(file, expectedVersion);
        CaseEvent event = command.event();
        if (!CasePermissions.mayFire(user, file, event)) {
            throw Refusal.notAllowed(CasePermissions.SUPERVISOR_ONLY.contains(event)
                    ? "case.refusal.event-supervisors-only" : "case.refusal.event-supervisor-or-director",
                    Labels.resolvable(event));
        }
        CaseStatus from = file.status();
        file.mayFire(event, command.systemReason() != null ? command.systemReason().key() : command.reason(), workflow);
        screening.check(file, command);
        CaseFile mergeTarget = event == CaseEvent.MERGE ? mergeTarget(file, command.mergeInto(), user) : null;
        guards.orderedStream().filter(guard -> guard.events().contains(event))
                .forEach(guard -> guard.unmetCondition(caseId, event).ifPresent(unmet -> {
                    throw Refusal.unmet("guard-failed", unmet.key(), unmet.args()).with("event", event.name());
                }));
        Instant now = time.now();
        file.fire(event, command.reason(), command.systemReason(), command.note(), command.systemNote(),
                mergeTarget == null ? null : mergeTarget.id(),
                user.username(), now, workflow, deadlines);
        CaseStatus to = file.status();
        CaseState state = flushFirst(file);
        screening.afterTransition(file, event, to, command, user.username(), now);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_TRANSITION", "CASE", caseId)
                .withDetail(event + ": " + from + " -> " + to));
        return state;
    }

    public CaseState assign(long caseId, String assigneeUsername, Long expectedVersion, CurrentUser user) {
        CaseFile file = loadForWork(caseId, user);
        if (!CasePermissions.isSupervisorOf(user, file)) {
            throw Refusal.notAllowed("case.refusal.assign-supervisors-only");
        }
        if (expectedVersion != null) {
            requireVersion(file, expectedVersion);
        }
        // the state before the assignee: a closed case is refused whoever is named
        file.requireOpenForAssignment();
        UserSummary assignee = users.find(assigneeUsername)
                .filter(u -> u.enabled() && u.role() == Role.CHILD_DIRECTOR)
                .orElseThrow(() -> Refusal.invalidField("username", "case.refusal.assignee-unknown", assigneeUsername));
        if (!assignee.jurisdictionCode().equals(file.villageCode())) {
            throw Refusal.invalidField("username", "case.refusal.assignee-other-village");
        }
        file.assignTo(assignee.username(), assignee.displayName(), user.username());
        CaseState state = flushFirst(file);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_ASSIGNED", "CASE", caseId)
                .withDetail("assignee " + assignee.username()));
        return state;
    }

    // --- hooks for other modules ------------------------------------------------------------------

    /** A confirmed assessment sets the level that counts; a SUPPORTING case's visit deadline follows it. */
    public void recordRiskLevel(long caseId, RiskLevel level, String actor) {
        CaseFile file = load(caseId);
        file.recordRiskLevel(level, actor);
        cases.save(file);
        events.publishEvent(AuditEvent.success(actor, "CASE_RISK_LEVEL", "CASE", caseId).withDetail(level.name()));
    }

    /**
     * A follow-up visit on a SUPPORTING case moves its deadline to the next visit due. The caller
     * read the case at {@code expectedVersion}; the answer carries the version after this change
     * (written at once), for a command the caller fires next on the same case.
     */
    public NextFollowUp recordFollowUpVisit(long caseId, long expectedVersion, Instant visitedAt, String actor) {
        CaseFile file = load(caseId);
        requireVersion(file, expectedVersion);
        Instant next = deadlines.nextFollowUpVisit(visitedAt, file.riskLevel());
        if (file.status() == CaseStatus.SUPPORTING) {
            file.followUpVisited(next);
            flushFirst(file);
        }
        return new NextFollowUp(next, file.version());
    }

    // --- firsthour-b: relinking at intake, merge by case number, case notes ----------------------

    /** The case with this number (as a person types it) if the user's jurisdiction contains it, else empty. */
    @Transactional(readOnly = true)
    public Optional<CaseRef> findInScopeByNumber(String caseNumber, CurrentUser user) {
        if (caseNumber == null || caseNumber.isBlank()) {
            return Optional.empty();
        }
        return cases.findByCaseNumber(caseNumber.strip().toUpperCase()).filter(c -> user.covers(c.villageCode()))
                .map(CaseFile::toRef);
    }

    /**
     * For intake only: a report was linked to the case it really belongs to, and the case it had
     * opened moments before (still RECEIVED, no other report: the caller checks) is merged into
     * that one. The person linking need not be a supervisor (the hotline operator who took the
     * call may), because nothing has been decided on that case yet; both cases must be in
     * their scope. {@code expectedVersion} is the version the caller read the case at.
     */
    public CaseState mergeOpenedInError(long caseId, long expectedVersion, long targetCaseId, SystemText note,
            CurrentUser user) {
        CaseFile file = cases.findById(caseId).filter(c -> user.covers(c.villageCode()))
                .orElseThrow(() -> Refusal.notFound(text("cases.not-found-in-scope")));
        requireVersion(file, expectedVersion);
        CaseFile target = cases.findById(targetCaseId).filter(c -> user.covers(c.villageCode()))
                .filter(c -> c.status().isOpen() && !c.id().equals(file.id()))
                .orElseThrow(() -> Refusal.invalidField("caseId", text("cases.merge.target-invalid")));
        file.mergeOpenedInError(target.id(), null, note, user.username(), time.now(), workflow, deadlines);
        CaseStatus to = file.status();
        CaseState state = flushFirst(file);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_TRANSITION", "CASE", caseId)
                .withDetail(CaseEvent.MERGE + ": " + CaseStatus.RECEIVED + " -> " + to + " (report relinked)"));
        return state;
    }

    /** The child of a case the user works (404 otherwise): whose record a correction may change. */
    @Transactional(readOnly = true)
    public long childOfCaseWorkedBy(long caseId, CurrentUser user) {
        return loadForWork(caseId, user).childId();
    }

    public static final int NOTE_MAX_LENGTH = 2000;

    /**
     * A case note (个案记录): what a worker of the case learnt or did, kept as an immutable
     * timeline entry. Only those who work the case may write one; audited.
     */
    public CaseTimelineItem addNote(long caseId, String noteText, CurrentUser user) {
        CaseFile file = loadForWork(caseId, user);
        if (noteText == null || noteText.isBlank()) {
            throw Refusal.invalidField("text", text("cases.note.required"));
        }
        if (noteText.strip().length() > NOTE_MAX_LENGTH) {
            throw Refusal.invalidField("text", text("cases.note.too-long", NOTE_MAX_LENGTH));
        }
        file.addNote(noteText.strip(), user.username());
        cases.save(file);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_NOTE_ADDED", "CASE", caseId));
        return timeline.findFirstByCaseIdOrderByIdDesc(file.id()).orElseThrow().toItem(notes, TimelineNotes.readerLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    // --- internals -------------------------------------------------------------------------------

    /**
     * Updates the case row before anything else is written: a concurrent change then waits on
     * the row lock and fails cleanly on the version, instead of deadlocking against our timeline
     * insert (whose foreign key takes a shared lock on the case row in InnoDB). The save publishes
     * the events the aggregate registered, after the flush: the timeline projection writes its
     * lines once the row is updated.
     */
    private CaseState flushFirst(CaseFile file) {
        cases.saveAndFlush(file);
        return new CaseState(file.id(), file.caseNumber(), file.status(), file.status().label(), file.version(),
                file.statusDeadline(), file.assignee());
    }

    private CaseFile load(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> Refusal.notFound("case.refusal.not-found"));
    }

    /** 404, not 403, for a case the caller does not work: its existence is not revealed. */
    CaseFile loadForWork(long caseId, CurrentUser user) {
        return cases.findById(caseId).filter(c -> CasePermissions.works(user, c))
                .orElseThrow(() -> Refusal.notFound("case.refusal.not-found-in-scope"));
    }

    private CaseFile mergeTarget(CaseFile file, Long targetId, CurrentUser user) {
        if (targetId == null) {
            throw Refusal.invalidField("mergeInto", "case.refusal.merge-target-required");
        }
        CaseFile target = cases.findById(targetId).filter(c -> CasePermissions.isSupervisorOf(user, c))
                .orElseThrow(() -> Refusal.invalidField("mergeInto", "case.refusal.merge-target-invalid"));
        if (target.id().equals(file.id()) || !target.status().isOpen()) {
            throw Refusal.invalidField("mergeInto", "case.refusal.merge-target-closed");
        }
        return target;
    }

    private static void requireVersion(CaseFile file, long expectedVersion) {
        if (file.version() != expectedVersion) {
            throw Refusal.staleVersion(
                    "case.refusal.stale", Labels.resolvable(file.status()))
                    .with("currentVersion", file.version()).with("currentStatus", file.status().name());
        }
    }

}
