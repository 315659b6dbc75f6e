package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;

/** A supervisor assigned (or re-assigned) a case to a child director. */
public record CaseAssigned(long caseId, String villageCode, String assignee, String previousAssignee, String actor,
        String assigneeDisplayName) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(previousAssignee == null
                ? TimelineLine.of(caseId, actor, TimelineKind.ASSIGNMENT, "user:" + assignee, "timeline.assigned",
                        assigneeDisplayName)
                : TimelineLine.of(caseId, actor, TimelineKind.ASSIGNMENT, "user:" + assignee, "timeline.reassigned",
                        previousAssignee, assigneeDisplayName));
    }
}
