package cn.childprotect.cms.cases.events;

import java.util.List;

/**
 * A past-tense event that the case timeline records (docs/domain.md §4). Modules publish such
 * events in the transaction of their change; the cases module's projection writes the lines in
 * that same transaction. Nothing calls into {@code cases} to write its timeline.
 */
public interface CaseTimelineFact {

    /** The lines this event adds to case timelines, in order (none for an event about no case). */
    List<TimelineLine> timelineLines();
}
