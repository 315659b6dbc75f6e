package cn.childprotect.cms.assessment.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/** The support plan (帮扶计划) of a case was saved as a new revision with this many services. */
public record SupportPlanRevised(long caseId, int services, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.SUPPORT, "support-plan",
                "timeline.plan.revised", String.valueOf(services)));
    }
}
