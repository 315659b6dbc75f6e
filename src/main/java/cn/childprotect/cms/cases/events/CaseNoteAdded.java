package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;

/** A worker of the case wrote a case note (个案记录, docs/domain.md §4); the note is its timeline line. */
public record CaseNoteAdded(long caseId, String text, String actor) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.NOTE, null, "timeline.text", text));
    }
}
