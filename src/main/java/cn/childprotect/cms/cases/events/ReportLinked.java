package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;

/** A further report was linked to an open case. */
public record ReportLinked(long caseId, long reportId, String receiptNumber, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.REPORT_LINKED, "report:" + reportId,
                "timeline.report-linked", receiptNumber));
    }
}
