package cn.childprotect.cms.cases;

import java.time.Instant;

public record CaseTimelineItem(long id, Instant occurredAt, String actor, TimelineKind kind, String kindLabel,
        CaseEvent event, CaseStatus fromStatus, CaseStatus toStatus, String note, String reference) {
}
