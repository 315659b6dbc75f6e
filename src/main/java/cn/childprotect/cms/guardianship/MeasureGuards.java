package cn.childprotect.cms.guardianship;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.stereotype.Component;

/**
 * DOMAIN.md §4/§6.1: a measure without an end blocks REQUEST_CLOSURE, and also SCREEN_OUT and MERGE
 * (guarded rows of the case table): a child placed or protected by a measure must not leave the
 * work lists while nobody is left to review it or see its legal deadlines met.
 */
@Component
class MeasureGuards implements TransitionGuard {

    private final MeasureDesk desk;

    MeasureGuards(MeasureDesk desk) {
        this.desk = desk;
    }

    @Override
    public Set<CaseEvent> events() {
        return EnumSet.of(CaseEvent.REQUEST_CLOSURE, CaseEvent.SCREEN_OUT, CaseEvent.MERGE);
    }

    @Override
    public Optional<Unmet> unmetCondition(long caseId, CaseEvent event) {
        if (events().contains(event) && desk.hasOpenMeasure(caseId)) {
            return Optional.of(new Unmet(event == CaseEvent.REQUEST_CLOSURE ? "guard.measures-open"
                    : "guard.measures-open-leaving"));
        }
        return Optional.empty();
    }
}
