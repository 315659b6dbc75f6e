package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.TimelineKind;

/** A case was opened from a report (ids and the report's receipt number only). */
public record CaseOpened(long caseId, String villageCode, long reportId, String receiptNumber, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.OPENED, "report:" + reportId,
                "timeline.opened", receiptNumber).transition(null, null, CaseStatus.RECEIVED));
    }
}
