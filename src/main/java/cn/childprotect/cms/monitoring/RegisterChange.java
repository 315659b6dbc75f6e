package cn.childprotect.cms.monitoring;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One version of an entry in its history: who changed what (field names, never values), and why. */
@Entity
@Immutable
@Table(name = "monitoring_change")
class RegisterChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id")
    private long entryId;

    @Column(name = "entry_version")
    private long entryVersion;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private RegisterStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private RegisterStatus toStatus;

    private String fields;

    private String note;

    protected RegisterChange() {
    }

    RegisterChange(long entryId, long entryVersion, Instant occurredAt, String actor, String action,
            RegisterStatus fromStatus, RegisterStatus toStatus, String fields, String note) {
        this.entryId = entryId;
        this.entryVersion = entryVersion;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.fields = fields;
        this.note = note;
    }

    long entryId() {
        return entryId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    RegisterStatus toStatus() {
        return toStatus;
    }

    RegisterViews.Change toView() {
        return new RegisterViews.Change(entryVersion, occurredAt, actor, action, fromStatus, toStatus,
                fields == null || fields.isBlank() ? java.util.List.of() : java.util.List.of(fields.split(",")), note);
    }
}
