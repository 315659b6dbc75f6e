package cn.childprotect.cms.assessment.events;

import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/** A risk assessment was completed with this score and computed level (docs/domain.md §6). */
public record AssessmentCompleted(long caseId, long assessmentId, RiskLevel level, int score,
        boolean awaitsConfirmation, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.ASSESSMENT, "assessment:" + assessmentId,
                awaitsConfirmation ? "timeline.assessment.completed-awaiting" : "timeline.assessment.completed",
                Labels.resolvable(level), String.valueOf(score)));
    }
}
