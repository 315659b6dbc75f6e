package cn.childprotect.cms.escalations.events;

import cn.childprotect.cms.escalations.EscalationLevel;
import cn.childprotect.cms.escalations.EscalationKind;
import cn.childprotect.cms.shared.Labels;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/**
 * An escalation or review item was resolved, by a supervisor with a note or automatically
 * because its cause is gone (docs/domain.md §7); {@code reason} names that cause as a message (for
 * the timeline, read in the reader's language), {@code note} is what the supervisor wrote (null for
 * an automatic resolution).
 * {@code caseId} is null for an item about no case; {@code reason} is null when a person resolved it.
 */
public record EscalationResolved(long escalationId, Long caseId, EscalationKind kind, EscalationLevel level, String note,
        boolean automatic, String actor, MessageSourceResolvable reason) implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        if (caseId == null) {
            return List.of();
        }
        return List.of(TimelineLine.of(caseId, actor, TimelineKind.ESCALATION, "escalation:" + escalationId,
                automatic ? "timeline.escalation.resolved-automatically" : "timeline.escalation.resolved",
                Labels.resolvable(kind), Labels.resolvable(level), reason != null ? reason : note));
    }
}
