package cn.childprotect.cms.escalations;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.childprotect.cms.escalations.events.EscalationRaised;
import cn.childprotect.cms.escalations.events.EscalationRaisedOnCase;
import cn.childprotect.cms.escalations.events.EscalationResolved;
import cn.childprotect.cms.shared.AggregateRoot;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.TextListJson;

/**
 * One escalation or review item. (kind, source id, source deadline, level) is unique: the same
 * miss is never raised twice at a level, however many sweeps and instances run. It owns its
 * lifecycle (OPEN, ACKNOWLEDGED, RESOLVED): each method checks it and registers the event it
 * causes, which {@link Escalations} publishes on save. The sweep's batches insert many items with
 * one JDBC batch instead ({@link EscalationDesk#raiseAll}) and publish one event for them.
 */
@Entity
@Table(name = "escalations_item")
class Escalation extends AggregateRoot {

    enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private EscalationKind kind;

    @Column(name = "source_id")
    private long sourceId;

    /** The missed deadline, or for a review trigger the moment it happened. */
    @Column(name = "source_deadline")
    private Instant sourceDeadline;

    @Enumerated(EnumType.STRING)
    private EscalationLevel level;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    private int severity;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "raised_at")
    private Instant raisedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolution_note")
    private String resolutionNote;

    /** Why the system resolved it, as a message key ({@link Reason}), instead of {@link #resolutionNote}. */
    @Column(name = "resolution_note_key")
    private String resolutionNoteKey;

    @Column(name = "resolution_note_args")
    @Convert(converter = TextListJson.class)
    private List<String> resolutionNoteArgs;

    @Version
    private long version;

    protected Escalation() {
    }

    Escalation(EscalationKind kind, long sourceId, Instant sourceDeadline, EscalationLevel level, Long caseId,
            String villageCode, Instant raisedAt) {
        this.kind = kind;
        this.sourceId = sourceId;
        this.sourceDeadline = sourceDeadline;
        this.level = level;
        this.caseId = caseId;
        this.villageCode = villageCode;
        this.severity = kind.severity() + (level == EscalationLevel.COUNTY ? 10 : 0);
        this.status = Status.OPEN;
        this.raisedAt = raisedAt;
        // both name the id the first save assigns: the case's timeline line, then the ids-only event
        if (caseId != null) {
            registerEventOnSave(() -> new EscalationRaisedOnCase(id, this.caseId, this.kind, this.level));
        }
        registerEventOnSave(() -> new EscalationRaised(id));
    }

    /** A supervisor has seen the item; only an item still OPEN is acknowledged. */
    void acknowledge(String by, Instant at) {
        if (status != Status.OPEN) {
            throw Refusal.invalidState("escalation-not-open",
                    isOpen() ? "escalation.refusal.already-acknowledged" : "escalation.refusal.already-resolved");
        }
        status = Status.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    /** A supervisor resolves the item with a note. Registers {@link EscalationResolved}. */
    void resolve(String by, Instant at, String note) {
        if (note == null || note.isBlank()) {
            throw Refusal.invalidField("note", "escalation.refusal.note-required");
        }
        requireOpen();
        resolved(by, at, note.strip());
        registerEvent(new EscalationResolved(id, caseId, kind, level, resolutionNote, false, by, null));
    }

    /** Its cause is gone (the deadline was met late, the source settled). Registers {@link EscalationResolved}. */
    void resolveAutomatically(Instant at, Reason why) {
        requireOpen();
        resolved(SYSTEM, at, why);
        registerEvent(new EscalationResolved(id, caseId, kind, level, null, true, SYSTEM, why.message()));
    }

    /**
     * The item's case has ended, so it needs no more attention. No event: the case's own end is
     * the line on its timeline.
     */
    void resolveWithCase(Instant at, Reason why) {
        requireOpen();
        resolved(SYSTEM, at, why);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw Refusal.invalidState("escalation-resolved", "escalation.refusal.already-resolved");
        }
    }

    private void resolved(String by, Instant at, String note) {
        status = Status.RESOLVED;
        resolvedBy = by;
        resolvedAt = at;
        resolutionNote = note;
    }

    private void resolved(String by, Instant at, Reason why) {
        resolved(by, at, (String) null);
        resolutionNoteKey = why.key();
        resolutionNoteArgs = why.argKeys();
    }

    private static final String SYSTEM = "system";

    boolean isOpen() {
        return status != Status.RESOLVED;
    }

    Long id() { return id; }
    EscalationKind kind() { return kind; }
    long sourceId() { return sourceId; }
    Instant sourceDeadline() { return sourceDeadline; }
    EscalationLevel level() { return level; }
    Long caseId() { return caseId; }
    String villageCode() { return villageCode; }
    int severity() { return severity; }
    Status status() { return status; }
    Instant raisedAt() { return raisedAt; }
    String acknowledgedBy() { return acknowledgedBy; }
    Instant acknowledgedAt() { return acknowledgedAt; }
    String resolvedBy() { return resolvedBy; }
    Instant resolvedAt() { return resolvedAt; }
    String resolutionNote() { return resolutionNote; }

    /** Why the system resolved it, or null when a person did (or before reasons were kept as messages). */
    Reason resolutionReason() { return resolutionNoteKey == null ? null : new Reason(resolutionNoteKey, resolutionNoteArgs == null ? List.of() : resolutionNoteArgs); }
}
