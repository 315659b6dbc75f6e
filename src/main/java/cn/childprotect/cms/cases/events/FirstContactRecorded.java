package cn.childprotect.cms.cases.events;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;

/** The first face-to-face contact with the child (首次见面核实, docs/domain.md §8) was made and recorded. */
public record FirstContactRecorded(long caseId, String villageCode, Instant contactedAt, boolean late, String note,
        String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        String key = late ? "screening.timeline.first-contact-late" : "screening.timeline.first-contact";
        return List.of(note == null ? TimelineLine.of(caseId, actor, TimelineKind.FIRST_CONTACT, null, key)
                : TimelineLine.of(caseId, actor, TimelineKind.FIRST_CONTACT, null, key + "-note", note));
    }
}
