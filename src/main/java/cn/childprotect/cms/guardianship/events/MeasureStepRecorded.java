package cn.childprotect.cms.guardianship.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

import org.springframework.context.MessageSourceResolvable;

/**
 * A measure was recorded or took a step, as the case's timeline records it (docs/domain.md
 * "Guardianship intervention"): the type, the step (null when recorded), the status after it and
 * what the worker wrote. Published beside {@link MeasureRecorded} / {@link MeasureStepTaken},
 * only to the synchronous timeline projection (the note never goes into the outbox).
 */
public record MeasureStepRecorded(long measureId, long stepId, long caseId, MessageSourceResolvable type,
        MessageSourceResolvable step, MessageSourceResolvable status, String note, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        String reference = "measure:" + measureId;
        if (step == null) {
            return List.of(TimelineLine.of(caseId, actor, TimelineKind.MEASURE, reference, "timeline.measure-recorded",
                    String.valueOf(measureId), type, status));
        }
        return List.of(note == null
                ? TimelineLine.of(caseId, actor, TimelineKind.MEASURE, reference, "timeline.measure-step",
                        String.valueOf(measureId), type, step, status)
                : TimelineLine.of(caseId, actor, TimelineKind.MEASURE, reference, "timeline.measure-step-with-note",
                        String.valueOf(measureId), type, step, status, note));
    }
}
