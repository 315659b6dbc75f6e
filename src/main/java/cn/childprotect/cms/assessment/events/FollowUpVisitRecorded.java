package cn.childprotect.cms.assessment.events;

import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/** A follow-up visit was recorded; {@code inDanger} when the worker found the child in danger. */
public record FollowUpVisitRecorded(long caseId, long visitId, LocalDate visitedOn, boolean inDanger, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.SUPPORT, "visit:" + visitId,
                inDanger ? "timeline.visit.in-danger" : "timeline.visit.recorded", visitedOn.toString()));
    }
}
