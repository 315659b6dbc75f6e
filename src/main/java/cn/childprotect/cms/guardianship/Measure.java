package cn.childprotect.cms.guardianship;

import java.time.Instant;

import cn.childprotect.cms.shared.Texts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A guardianship measure on a case (docs/domain.md "Guardianship intervention"): its type, its
 * status in the type's step table, the per-type fields, and the stored deadline of its next step.
 * The case is referred to by id only.
 */
@Entity
@Table(name = "guardianship_measure")
class Measure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure_type")
    private MeasureType type;

    @Enumerated(EnumType.STRING)
    private MeasureStatus status;

    private boolean ended;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    private String applicant;

    private String body;

    @Column(name = "reference_number")
    private String referenceNumber;

    private boolean urgent;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    private String ground;

    @Enumerated(EnumType.STRING)
    private Placement placement;

    private String place;

    @Column(name = "served_on")
    private String servedOn;

    @Column(name = "served_at")
    private Instant servedAt;

    @Column(name = "committee_notified")
    private String committeeNotified;

    @Column(name = "grounds_text")
    private String groundsText;

    @Column(name = "new_guardian")
    private String newGuardian;

    @Column(name = "observation_until")
    private Instant observationUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind")
    private DeadlineKind deadlineKind;

    @Column(name = "next_deadline_at")
    private Instant nextDeadlineAt;

    @Version
    private long version;

    protected Measure() {
    }

    Measure(long caseId, String caseNumber, String villageCode, MeasureType type, MeasureInput in, String createdBy,
            Instant createdAt) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.villageCode = villageCode;
        this.type = type;
        this.status = type.initialStatus();
        this.ended = status.ended();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.applicant = strip(in.applicant());
        this.body = strip(in.body());
        this.referenceNumber = strip(in.referenceNumber());
        this.urgent = Boolean.TRUE.equals(in.urgent());
        this.occurredAt = in.occurredAt();
        this.ground = strip(in.ground());
        this.placement = in.placement();
        this.place = strip(in.place());
        this.groundsText = strip(in.groundsText());
        this.validFrom = in.validFrom();
        this.validUntil = in.validUntil();
    }

    /** Applies a step's fields and moves to its status; the desk has checked who, from where and what is required. */
    void take(MeasureSteps.Row row, MeasureInput in) {
        switch (row.step()) {
            case GRANT -> {
                decidedAt = in.decidedAt();
                validFrom = in.validFrom() == null ? in.decidedAt() : in.validFrom();
                validUntil = in.validUntil();
            }
            case REFUSE -> decidedAt = in.decidedAt();
            case EXTEND -> validUntil = in.validUntil();
            case SERVE -> {
                servedOn = strip(in.servedOn());
                servedAt = in.servedAt();
                committeeNotified = strip(in.committeeNotified());
            }
            case FILE -> {
                occurredAt = in.occurredAt();
                body = strip(in.body());
            }
            case JUDGE -> {
                decidedAt = in.decidedAt();
                newGuardian = strip(in.newGuardian());
                referenceNumber = in.referenceNumber() == null ? referenceNumber : strip(in.referenceNumber());
            }
            case APPLY_RESTORATION -> observationUntil = in.observationUntil();
            default -> {
            }
        }
        status = row.target(status);
        ended = status.ended();
    }

    void scheduleNext(DeadlineKind kind, Instant at) {
        deadlineKind = at == null ? null : kind;
        nextDeadlineAt = at;
    }

    boolean isOverdueAt(Instant now) {
        return nextDeadlineAt != null && nextDeadlineAt.isBefore(now);
    }

    private static String strip(String value) {
        return Texts.blankToNull(value) == null ? null : value.strip();
    }

    Long id() { return id; }
    long caseId() { return caseId; }
    String caseNumber() { return caseNumber; }
    String villageCode() { return villageCode; }
    MeasureType type() { return type; }
    MeasureStatus status() { return status; }
    boolean ended() { return ended; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    String applicant() { return applicant; }
    String body() { return body; }
    String referenceNumber() { return referenceNumber; }
    boolean urgent() { return urgent; }
    Instant occurredAt() { return occurredAt; }
    Instant decidedAt() { return decidedAt; }
    Instant validFrom() { return validFrom; }
    Instant validUntil() { return validUntil; }
    String ground() { return ground; }
    Placement placement() { return placement; }
    String place() { return place; }
    String servedOn() { return servedOn; }
    Instant servedAt() { return servedAt; }
    String committeeNotified() { return committeeNotified; }
    String groundsText() { return groundsText; }
    String newGuardian() { return newGuardian; }
    Instant observationUntil() { return observationUntil; }
    DeadlineKind deadlineKind() { return deadlineKind; }
    Instant nextDeadlineAt() { return nextDeadlineAt; }
    long version() { return version; }
}
