package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.ResponsePriority;
import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.shared.Labels;

/**
 * A supervisor accepted a report with a response priority (docs/domain.md §8); {@code proposed} is
 * what the system proposed, {@code overrideReason} why another was chosen (null when it was taken).
 */
public record ResponsePrioritySet(long caseId, String villageCode, ResponsePriority priority, ResponsePriority proposed,
        String overrideReason, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        if (overrideReason == null) {
            return List.of(TimelineLine.of(caseId, actor, TimelineKind.SCREENING, null, "screening.timeline.priority",
                    Labels.resolvable(priority)));
        }
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.SCREENING, null, "screening.timeline.priority-override",
                Labels.resolvable(priority), Labels.resolvable(proposed), overrideReason));
    }
}
