package cn.childprotect.cms.cases.events;

import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.cases.TimelineKind;

/** The level that counts for a case changed (a confirmed assessment). */
public record CaseRiskLevelChanged(long caseId, String villageCode, RiskLevel level, RiskLevel previous, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(previous == null
                ? TimelineLine.of(caseId, actor, TimelineKind.RISK_LEVEL, null, "timeline.risk-level",
                        Labels.resolvable(level))
                : TimelineLine.of(caseId, actor, TimelineKind.RISK_LEVEL, null, "timeline.risk-level-changed",
                        Labels.resolvable(previous), Labels.resolvable(level)));
    }
}
