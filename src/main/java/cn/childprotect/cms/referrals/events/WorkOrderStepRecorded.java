package cn.childprotect.cms.referrals.events;

import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/**
 * A step of a work order (docs/domain.md §5) as the case's timeline records it: the action, the
 * agency's name and what the actor wrote. Published beside the {@link WorkOrderEvent} of the step,
 * only to the synchronous timeline projection (the note never goes into the outbox).
 */
public record WorkOrderStepRecorded(long workOrderId, long stepId, long caseId, WorkOrderAction action,
        String agencyName, String note, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(note == null
                ? TimelineLine.of(caseId, actor, TimelineKind.WORK_ORDER, "work-order:" + workOrderId,
                        "timeline.work-order", String.valueOf(workOrderId), Labels.resolvable(action), agencyName)
                : TimelineLine.of(caseId, actor, TimelineKind.WORK_ORDER, "work-order:" + workOrderId,
                        "timeline.work-order-with-note", String.valueOf(workOrderId), Labels.resolvable(action), agencyName, note));
    }
}
