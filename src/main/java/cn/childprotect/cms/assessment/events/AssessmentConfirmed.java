package cn.childprotect.cms.assessment.events;

import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/** A supervisor confirmed (or adjusted, with a reason) the level of a HIGH or CRITICAL assessment. */
public record AssessmentConfirmed(long caseId, long assessmentId, RiskLevel level, RiskLevel computedLevel,
        String reason, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(level == computedLevel
                ? TimelineLine.of(caseId, actor, TimelineKind.ASSESSMENT, "assessment:" + assessmentId,
                        "timeline.assessment.confirmed", Labels.resolvable(level))
                : TimelineLine.of(caseId, actor, TimelineKind.ASSESSMENT, "assessment:" + assessmentId,
                        "timeline.assessment.adjusted", Labels.resolvable(level), Labels.resolvable(computedLevel), reason));
    }
}
