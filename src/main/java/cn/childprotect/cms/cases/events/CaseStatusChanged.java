package cn.childprotect.cms.cases.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.SystemText;
import cn.childprotect.cms.cases.TimelineKind;

/**
 * A workflow event moved a case from one state to another (docs/domain.md §4). {@code note} is
 * what the worker wrote with it (reason and note, for the timeline); {@code mergedInto} names the
 * case a MERGE went into, whose timeline gets a line too. {@code systemReason} and {@code systemNote}
 * stand for a reason or note the system gave (a message, rendered in the reader's language on the
 * timeline) where a person's {@code reason} or {@code note} would be.
 */
public record CaseStatusChanged(long caseId, String villageCode, CaseEvent event, CaseStatus from, CaseStatus to,
        String actor, String caseNumber, String reason, String note, Long mergedInto, SystemText systemReason,
        SystemText systemNote) implements CaseTimelineFact {


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
        Object reasonArg = systemReason != null ? message(systemReason) : reason == null || reason.isBlank() ? null : reason.strip();
        Object noteArg = systemNote != null ? message(systemNote) : note == null || note.isBlank() ? null : note.strip();
        if (noteArg != null && reasonArg != null) {
            return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, "timeline.reason-and-note",
                    reasonArg, noteArg);
        }
        if (reasonArg != null) {
            return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, "timeline.reason", reasonArg);
        }
        if (systemNote != null) {
            // the system's note on its own: its message, its arguments shown as values
            return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, systemNote.key(),
                    systemNote.args().toArray());
        }
        return TimelineLine.of(caseId, actor, TimelineKind.TRANSITION, null, noteArg != null ? "timeline.text" : null,
                noteArg);
    }

    private static DefaultMessageSourceResolvable message(SystemText text) {
        return new DefaultMessageSourceResolvable(new String[] {text.key()}, text.args().toArray(), text.key());
    }
}
