package cn.childprotect.cms.escalations.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;
import cn.childprotect.cms.escalations.EscalationKind;
import cn.childprotect.cms.escalations.EscalationLevel;
import cn.childprotect.cms.shared.Labels;

/**
 * A chunk of the deadline sweep raised these items about cases (docs/domain.md §7), for the cases'
 * timelines: one line each, written by the projection in one batch. {@link EscalationsRaised}
 * stays the ids-only event the mails listen to.
 */
public record EscalationsRaisedOnCases(List<Item> items) implements CaseTimelineFact {

    public record Item(long escalationId, long caseId, EscalationKind kind, EscalationLevel level) {
    }

    @Override
    public List<TimelineLine> timelineLines() {
        return items.stream().map(i -> TimelineLine.of(i.caseId(), "system", TimelineKind.ESCALATION,
                "escalation:" + i.escalationId(), "timeline.escalation.raised", Labels.resolvable(i.level()),
                Labels.resolvable(i.kind()))).toList();
    }
}
