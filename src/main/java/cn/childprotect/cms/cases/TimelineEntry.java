package cn.childprotect.cms.cases;

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

/** One immutable line of a case's history: a transition, an assignment, a linked report, a note. */
@Entity
@Immutable
@Table(name = "cases_timeline")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private TimelineKind kind;

    @Enumerated(EnumType.STRING)
    private CaseEvent event;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private CaseStatus toStatus;

    private String note;

    private String reference;

    protected TimelineEntry() {
    }

    TimelineEntry(long caseId, Instant occurredAt, String actor, TimelineKind kind, CaseEvent event,
            CaseStatus fromStatus, CaseStatus toStatus, String note, String reference) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.event = event;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note;
        this.reference = reference;
    }

    CaseEvent event() {
        return event;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    CaseStatus fromStatus() {
        return fromStatus;
    }

    CaseTimelineItem toItem() {
        return new CaseTimelineItem(id, occurredAt, actor, kind, kind.label(), event, fromStatus, toStatus, note,
                reference, false);
    }
}
