package cn.childprotect.cms.referrals;

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

import cn.childprotect.cms.shared.TextListJson;

import org.hibernate.annotations.Immutable;

/** One immutable line of a work order's own history. */
@Entity
@Immutable
@Table(name = "referrals_work_order_step")
class WorkOrderStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "work_order_id")
    private long workOrderId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private WorkOrderAction action;

    /** What a person wrote; for a step before note keys were kept, also the system's finished text. */
    private String note;

    /** The system's note (where a redispatch went, a callback's outcome) as a message key, shown in the reader's language. */
    @Column(name = "note_key")
    private String noteKey;

    /** The arguments of {@link #noteKey}: texts shown as they are (an agency's name, what a person wrote). */
    @Column(name = "note_args")
    @Convert(converter = TextListJson.class)
    private List<String> noteArgs;

    protected WorkOrderStep() {
    }

    WorkOrderStep(long workOrderId, Instant occurredAt, String actor, WorkOrderAction action, String note) {
        this(workOrderId, occurredAt, actor, action, note, null, List.of());
    }

    WorkOrderStep(long workOrderId, Instant occurredAt, String actor, WorkOrderAction action, String note,
            String noteKey, List<String> noteArgs) {
        this.workOrderId = workOrderId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.note = note;
        this.noteKey = noteKey;
        this.noteArgs = noteKey == null ? null : List.copyOf(noteArgs);
    }

    /** {@code noteText}: the note in the reader's language (the system's message, else what was written). */
    WorkOrderView.Step toView(String actionLabel, String noteText) {
        return new WorkOrderView.Step(occurredAt, actor, action, actionLabel, noteText);
    }

    String noteKey() {
        return noteKey;
    }

    List<String> noteArgs() {
        return noteArgs == null ? List.of() : noteArgs;
    }

    long workOrderId() {
        return workOrderId;
    }

    long id() {
        return id;
    }

    String actor() {
        return actor;
    }

    String note() {
        return note;
    }

    java.time.Instant occurredAt() {
        return occurredAt;
    }

    WorkOrderAction action() {
        return action;
    }
}
