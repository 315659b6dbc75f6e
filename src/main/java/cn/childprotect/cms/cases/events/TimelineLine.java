package cn.childprotect.cms.cases.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.TimelineKind;

/**
 * What one line of a case's timeline says (docs/domain.md §4): the kind, who, the note as a
 * message key with its arguments (kept as they are and rendered in the reader's language when
 * the timeline is read), a reference to the thing it is about ({@code work-order:17}), and for
 * transitions the event and the two states. Arguments are either
 * {@link org.springframework.context.MessageSourceResolvable}s (a code's name: a state, a kind,
 * an action), lists of these, or text that is shown as it is (what a person wrote, a name, a
 * number). A line of key {@code timeline.text} is a person's own words and is kept as text.
 */
public record TimelineLine(long caseId, String actor, TimelineKind kind, String noteKey, List<Object> noteArgs,
        String reference, CaseEvent event, CaseStatus from, CaseStatus to) {

    public TimelineLine {
        noteArgs = noteArgs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(noteArgs));
    }

    public static TimelineLine of(long caseId, String actor, TimelineKind kind, String reference, String noteKey,
            Object... noteArgs) {
        return new TimelineLine(caseId, actor, kind, noteKey, noteArgs == null ? null : Arrays.asList(noteArgs),
                reference, null, null, null);
    }

    public TimelineLine transition(CaseEvent event, CaseStatus from, CaseStatus to) {
        return new TimelineLine(caseId, actor, kind, noteKey, noteArgs, reference, event, from, to);
    }
}
