package cn.childprotect.cms.cases.events;

import java.util.ArrayList;
import java.util.List;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.TimelineKind;

/**
 * A workflow event moved a case from one state to another (docs/domain.md §4). {@code note} is
 * what the worker wrote with it (reason and note, for the timeline); {@code mergedInto} names the
 * case a MERGE went into, whose timeline gets a line too.
 */
public record CaseStatusChanged(long caseId, String villageCode, CaseEvent event, CaseStatus from, CaseStatus to,
        String actor, String caseNumber, String reason, String note, Long mergedInto) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        List<TimelineLine> lines = new ArrayList<>();
        lines.add(noteLine().transition(event, from, to));
        if (mergedInto != null) {
            lines.add(TimelineLine.of(mergedInto, actor, TimelineKind.MERGED_IN, "case:" + caseId,
                    "cases.timeline.merged-in", caseNumber));
        }
        return lines;
    }

    private TimelineLine noteLine() {
        boolean hasNote = note != null && !note.isBlank();
        boolean hasReason = reason != null && !reason.isBlank();
        if (hasNote && hasReason) {
            return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, "timeline.reason-and-note",
                    reason.strip(), note.strip());
        }
        if (hasReason) {
            return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, "timeline.reason", reason.strip());
        }
        return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, hasNote ? "timeline.text" : null,
                hasNote ? note.strip() : null);
    }
}
