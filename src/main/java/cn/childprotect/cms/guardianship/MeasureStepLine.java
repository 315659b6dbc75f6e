package cn.childprotect.cms.guardianship;

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

/** One immutable line of a measure's own history; {@code step} is null for the line that recorded the measure. */
@Entity
@Immutable
@Table(name = "guardianship_measure_step")
class MeasureStepLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "measure_id")
    private long measureId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    /** The step's name, or RECORDED for the creation. */
    private String step;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private MeasureStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private MeasureStatus toStatus;

    private String note;

    protected MeasureStepLine() {
    }

    MeasureStepLine(long measureId, Instant occurredAt, String actor, MeasureStep step, MeasureStatus from,
            MeasureStatus to, String note) {
        this.measureId = measureId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.step = step == null ? "RECORDED" : step.name();
        this.fromStatus = from;
        this.toStatus = to;
        this.note = note;
    }

    long id() { return id; }
    long measureId() { return measureId; }
    Instant occurredAt() { return occurredAt; }
    String actor() { return actor; }
    MeasureStep step() { return "RECORDED".equals(step) ? null : MeasureStep.valueOf(step); }
    MeasureStatus fromStatus() { return fromStatus; }
    MeasureStatus toStatus() { return toStatus; }
    String note() { return note; }
}
