package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.childprotect.cms.shared.Labels;

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

    /** What a person wrote in their own words; for lines written before keys were kept, the finished text. */
    private String note;

    @Column(name = "note_key")
    private String noteKey;

    @Column(name = "note_args")
    private String noteArgs;

    private String reference;

    protected TimelineEntry() {
    }

    TimelineEntry(long caseId, Instant occurredAt, String actor, TimelineKind kind, CaseEvent event,
            CaseStatus fromStatus, CaseStatus toStatus, TimelineNotes.Stored note, String reference) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.event = event;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note.note();
        this.noteKey = note.key();
        this.noteArgs = note.args();
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

    /** The line in the reader's language. */
    CaseTimelineItem toItem(TimelineNotes notes, Locale locale) {
        List<CaseTimelineItem.NotePart> parts = notes.render(note, noteKey, noteArgs, locale);
        String text = parts.isEmpty() ? null
                : parts.stream().map(CaseTimelineItem.NotePart::text).collect(Collectors.joining());
        return new CaseTimelineItem(id, occurredAt, actor, kind, Labels.of(kind, locale), event, fromStatus, toStatus,
                text, reference, false, parts);
    }
}
