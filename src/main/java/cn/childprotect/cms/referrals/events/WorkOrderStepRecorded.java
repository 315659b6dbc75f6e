package cn.childprotect.cms.referrals.events;

import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A step of a work order (docs/domain.md §5) as the case's timeline records it: the action, the
 * agency's name (a co-handling part's says so: {@code coHandling}) and what the actor wrote, or the
 * system's note as {@code noteKey} with its arguments (texts), in the reader's language. Published
 * beside the {@link WorkOrderEvent} of the step, only to the synchronous timeline projection (the
 * note never goes into the outbox).
 */
public record WorkOrderStepRecorded(long workOrderId, long stepId, long caseId, WorkOrderAction action,
        String agencyName, String note, String actor, String noteKey, List<String> noteArgs, boolean coHandling)
        implements CaseTimelineFact {


    @Override
    public List<TimelineLine> timelineLines() {
        Object agency = coHandling
                ? new DefaultMessageSourceResolvable(new String[] {"timeline.work-order.co-handling"},
                        new Object[] {agencyName}, agencyName)
                : agencyName;
        Object noteArg = noteKey != null
                ? new DefaultMessageSourceResolvable(new String[] {noteKey},
                        noteArgs == null ? new Object[0] : noteArgs.toArray(), noteKey)
                : note;
        return List.of(noteArg == null
                ? TimelineLine.of(caseId, actor, TimelineKind.WORK_ORDER, "work-order:" + workOrderId,
                        "timeline.work-order", String.valueOf(workOrderId), Labels.resolvable(action), agency)
                : TimelineLine.of(caseId, actor, TimelineKind.WORK_ORDER, "work-order:" + workOrderId,
                        "timeline.work-order-with-note", String.valueOf(workOrderId), Labels.resolvable(action), agency,
                        noteArg));
    }
}
