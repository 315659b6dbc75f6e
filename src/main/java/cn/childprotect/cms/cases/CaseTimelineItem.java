package cn.childprotect.cms.cases;

import java.time.Instant;

/** One line of the case history; {@code actorHidden}: the actor is withheld from this viewer (a confidential reporter). */
public record CaseTimelineItem(long id, Instant occurredAt, String actor, TimelineKind kind, String kindLabel,
        CaseEvent event, CaseStatus fromStatus, CaseStatus toStatus, String note, String reference,
        boolean actorHidden) {

    CaseTimelineItem withoutActor() {
        return new CaseTimelineItem(id, occurredAt, null, kind, kindLabel, event, fromStatus, toStatus, note, reference,
                true);
    }
}
