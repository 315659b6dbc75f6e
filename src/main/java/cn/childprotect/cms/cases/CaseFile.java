package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import cn.childprotect.cms.cases.events.CaseAssigned;
import cn.childprotect.cms.cases.events.CaseNoteAdded;
import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.cases.events.CaseRiskLevelChanged;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.cases.events.ReportLinked;
import cn.childprotect.cms.shared.AggregateRoot;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;

/**
 * The case aggregate. Its {@code status} column is the source of truth of the workflow; the
 * state's deadline is computed on entry and stored (indexed) so "overdue" is a range query.
 * It owns its transitions: each method checks its rule (a {@link Refusal}) and registers the
 * past-tense event it causes, which {@link Cases} publishes on save (docs/domain.md §4). Who may
 * act, versions and other modules' guards are the facade's ({@link CaseFiles}) to check before.
 */
@Entity
@Table(name = "cases_case")
class CaseFile extends AggregateRoot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(name = "child_id")
    private long childId;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Column(name = "status_entered_at")
    private Instant statusEnteredAt;

    @Column(name = "status_deadline")
    private Instant statusDeadline;

    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    private String assignee;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    /** A reason the system gave (a message key, shown in the reader's language) instead of {@link #outcomeReason}. */
    @Column(name = "outcome_reason_key")
    private String outcomeReasonKey;

    @Column(name = "merged_into")
    private Long mergedInto;

    /** Loaded for a whole page of cases in one query, not one per row. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "cases_case_category", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "category")
    private Set<String> categories = new LinkedHashSet<>();

    @Version
    private long version;

    protected CaseFile() {
    }

    /** Opens a case on a report; {@code CaseOpened} names the id the first save assigns. */
    CaseFile(String caseNumber, long childId, String villageCode, Set<String> categories, boolean urgent,
            Instant openedAt, Instant deadline, long reportId, String receiptNumber, String actor) {
        this.caseNumber = caseNumber;
        this.childId = childId;
        this.villageCode = villageCode;
        this.categories.addAll(categories);
        this.urgent = urgent;
        this.openedAt = openedAt;
        this.status = CaseStatus.RECEIVED;
        this.statusEnteredAt = openedAt;
        this.statusDeadline = deadline;
        registerEventOnSave(() -> new CaseOpened(id, this.villageCode, reportId, receiptNumber, actor));
    }

    /** A further report about the child joins the case: no state of its own, a line on the timeline. */
    void linkReport(long reportId, String receiptNumber, String actor) {
        registerEvent(new ReportLinked(id, reportId, receiptNumber, actor));
    }

    /**
     * The workflow's own rules of an event, checked before anything else is asked of it: the
     * current state has such a transition (else {@code invalid-transition}), and a reason is given
     * where the table requires one.
     */
    void mayFire(CaseEvent event, String reason, CaseWorkflow workflow) {
        if (!workflow.eventsFrom(status).contains(event)) {
            throw invalidTransition(event);
        }
        if (event.needsReason() && (reason == null || reason.isBlank())) {
            throw Refusal.invalidField("reason", "case.refusal.reason-required", Labels.resolvable(event));
        }
    }

    /**
     * Fires a workflow event: the state machine decides the next state, whose deadline the SLA
     * policy sets; an end state records when the case closed, a reopening clears it. A MERGE
     * names the case it goes into. Registers {@link CaseStatusChanged}.
     */
    void fire(CaseEvent event, String reason, String note, Long mergeTarget, String actor, Instant at,
            CaseWorkflow workflow, CaseDeadlines deadlines) {
        fire(event, reason, null, note, null, mergeTarget, actor, at, workflow, deadlines);
    }

    /**
     * As {@link #fire(CaseEvent, String, String, Long, String, Instant, CaseWorkflow, CaseDeadlines)},
     * with a reason or note the system gives as a message ({@link SystemText}) instead of a person's text.
     */
    void fire(CaseEvent event, String reason, SystemText systemReason, String note, SystemText systemNote,
            Long mergeTarget, String actor, Instant at, CaseWorkflow workflow, CaseDeadlines deadlines) {
        mayFire(event, systemReason != null ? systemReason.key() : reason, workflow);
        if (event == CaseEvent.MERGE && (mergeTarget == null || mergeTarget.equals(id))) {
            throw Refusal.invalidField("mergeInto", mergeTarget == null ? "case.refusal.merge-target-required"
                    : "case.refusal.merge-target-closed");
        }
        if (event != CaseEvent.MERGE && mergeTarget != null) {
            throw new IllegalArgumentException("only a MERGE names a target case");
        }
        CaseStatus from = status;
        CaseStatus to = workflow.fire(from, event).orElseThrow(() -> invalidTransition(event));
        status = to;
        statusEnteredAt = at;
        statusDeadline = deadlines.onEntering(to, at, categories, urgent, riskLevel);
        closedAt = to.isOpen() ? null : at;
        if (systemReason != null) {
            outcomeReason = null;
            outcomeReasonKey = systemReason.key();
        }
        else if (reason != null && !reason.isBlank()) {
            outcomeReason = reason;
            outcomeReasonKey = null;
        }
        if (mergeTarget != null) {
            mergedInto = mergeTarget;
        }
        registerEvent(new CaseStatusChanged(id, villageCode, event, from, to, actor, caseNumber, reason, note,
                mergeTarget, systemReason, systemNote));
    }

    /**
     * A case opened in error (still RECEIVED) is merged into the one its report really belongs
     * to; unlike {@link #fire} this is no worker's decision on the case, so only the state counts.
     */
    void mergeOpenedInError(long targetCaseId, String note, String actor, Instant at, CaseWorkflow workflow,
            CaseDeadlines deadlines) {
        mergeOpenedInError(targetCaseId, note, null, actor, at, workflow, deadlines);
    }

    /** As above, with the system's note as a message ({@code systemNote}) instead of a person's text. */
    void mergeOpenedInError(long targetCaseId, String note, SystemText systemNote, String actor, Instant at,
            CaseWorkflow workflow, CaseDeadlines deadlines) {
        if (status != CaseStatus.RECEIVED) {
            throw invalidTransition(CaseEvent.MERGE);
        }
        fire(CaseEvent.MERGE, null, null, note, systemNote, targetCaseId, actor, at, workflow, deadlines);
    }

    /** Only an open case is assigned. Registers {@link CaseAssigned}. */
    void assignTo(String username, String displayName, String actor) {
        requireOpenForAssignment();
        String previous = assignee;
        assignee = username;
        registerEvent(new CaseAssigned(id, villageCode, username, previous, actor, displayName));
    }

    void requireOpenForAssignment() {
        if (!status.isOpen()) {
            throw Refusal.invalidState("case-not-open", "case.refusal.assign-not-open", Labels.resolvable(status));
        }
    }

    /** The level a confirmed assessment found. Registers {@link CaseRiskLevelChanged}. */
    void recordRiskLevel(RiskLevel level, String actor) {
        RiskLevel before = riskLevel;
        riskLevel = level;
        registerEvent(new CaseRiskLevelChanged(id, villageCode, level, before, actor));
    }

    /** A follow-up visit: while SUPPORTING, the case's deadline is the next visit due. */
    void followUpVisited(Instant nextVisitDue) {
        if (status == CaseStatus.SUPPORTING) {
            statusDeadline = nextVisitDue;
        }
    }

    /** A case note (个案记录), kept as an immutable timeline line. Registers {@link CaseNoteAdded}. */
    void addNote(String text, String actor) {
        registerEvent(new CaseNoteAdded(id, text, actor));
    }

    Refusal invalidTransition(CaseEvent event) {
        return Refusal.invalidState("invalid-transition", "case.refusal.invalid-transition",
                Labels.resolvable(status), Labels.resolvable(event))
                .with("currentStatus", status.name()).with("event", event.name());
    }

    Long id() {
        return id;
    }

    String caseNumber() {
        return caseNumber;
    }

    String villageCode() {
        return villageCode;
    }

    long childId() {
        return childId;
    }

    CaseStatus status() {
        return status;
    }

    Instant statusEnteredAt() {
        return statusEnteredAt;
    }

    Instant statusDeadline() {
        return statusDeadline;
    }

    boolean urgent() {
        return urgent;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    String assignee() {
        return assignee;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String outcomeReason() {
        return outcomeReason;
    }

    String outcomeReasonKey() {
        return outcomeReasonKey;
    }

    Long mergedInto() {
        return mergedInto;
    }

    Set<String> categories() {
        return Set.copyOf(categories);
    }

    long version() {
        return version;
    }

    boolean isOverdueAt(Instant now) {
        return statusDeadline != null && statusDeadline.isBefore(now);
    }

    CaseRef toRef() {
        return new CaseRef(id, caseNumber, status, villageCode, version);
    }
}
