package cn.childprotect.cms.cases.events;

import java.util.List;

import cn.childprotect.cms.cases.TimelineKind;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A report was screened out (不予立案) for a reason of the configured list, the caller perhaps
 * referred elsewhere (docs/domain.md §8); the free text is on the transition's own line.
 */
public record ScreenOutRecorded(long caseId, String villageCode, String reasonCode, String referredTo, String actor)
        implements CaseTimelineFact {

    @Override
    public List<TimelineLine> timelineLines() {
        var reason = new DefaultMessageSourceResolvable(new String[] { "screening.screen-out-reason." + reasonCode },
                reasonCode);
        return List.of(referredTo == null
                ? TimelineLine.of(caseId, actor, TimelineKind.SCREENING, null, "screening.timeline.screened-out", reason)
                : TimelineLine.of(caseId, actor, TimelineKind.SCREENING, null, "screening.timeline.screened-out-referred",
                        reason, referredTo));
    }
}
