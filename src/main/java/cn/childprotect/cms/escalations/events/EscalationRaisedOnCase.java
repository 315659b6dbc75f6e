package cn.childprotect.cms.escalations.events;

import cn.childprotect.cms.escalations.EscalationLevel;
import cn.childprotect.cms.escalations.EscalationKind;
import cn.childprotect.cms.shared.Labels;
import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;

/**
 * An escalation or review item about a case was raised (docs/domain.md §7), for the case's
 * timeline; {@link EscalationRaised} stays the ids-only event the mails listen to.
 */
public record EscalationRaisedOnCase(long escalationId, long caseId, EscalationKind kind, EscalationLevel level)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        return List.of(TimelineLine.of(caseId, "system", TimelineKind.ESCALATION, "escalation:" + escalationId,
                "timeline.escalation.raised", Labels.resolvable(level), Labels.resolvable(kind)));
    }
}
