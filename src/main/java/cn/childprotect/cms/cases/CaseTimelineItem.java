package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One line of the case history; {@code actorHidden}: the actor is withheld from this viewer (a
 * confidential reporter). {@code note} is the line in the reader's language; {@code noteParts} the
 * same text in parts, each saying whether it is data a person entered (a note, a name), which the
 * page marks as such.
 */
public record CaseTimelineItem(long id, Instant occurredAt, String actor, TimelineKind kind, String kindLabel,
        CaseEvent event, CaseStatus fromStatus, CaseStatus toStatus, String note, String reference,
        boolean actorHidden, @JsonIgnore List<NotePart> noteParts) {

    /** A piece of a timeline note: words of the bundle, or {@code data} entered by a person. */
    public record NotePart(String text, boolean data) {
    }

    public CaseTimelineItem {
        noteParts = noteParts == null ? List.of() : List.copyOf(noteParts);
    }

    CaseTimelineItem withoutActor() {
        return new CaseTimelineItem(id, occurredAt, null, kind, kindLabel, event, fromStatus, toStatus, note, reference,
                true, noteParts);
    }
}
