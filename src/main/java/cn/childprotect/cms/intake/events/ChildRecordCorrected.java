package cn.childprotect.cms.intake.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A worker of the case corrected the child's record after intake; {@code fields} names what
 * changed (e.g. {@code birthDate}), never the values.
 */
public record ChildRecordCorrected(long caseId, long childId, List<String> fields, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        List<DefaultMessageSourceResolvable> names = fields.stream()
                .map(f -> new DefaultMessageSourceResolvable(new String[] { "child.field." + f }, f)).toList();
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.CHILD_CORRECTED, "child:" + childId,
                "child.corrected.note", names));
    }
}
