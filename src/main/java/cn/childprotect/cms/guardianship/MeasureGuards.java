package cn.childprotect.cms.guardianship;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.stereotype.Component;

/** DOMAIN.md §4/§6.1: a measure without an end blocks REQUEST_CLOSURE (a guarded row of the case table). */
@Component
class MeasureGuards implements TransitionGuard {

    private final MeasureDesk desk;

    MeasureGuards(MeasureDesk desk) {
        this.desk = desk;
    }

    @Override
    public Set<CaseEvent> events() {
        return EnumSet.of(CaseEvent.REQUEST_CLOSURE);
    }

    @Override
    public Optional<Unmet> unmetCondition(long caseId, CaseEvent event) {
        if (event == CaseEvent.REQUEST_CLOSURE && desk.hasOpenMeasure(caseId)) {
            return Optional.of(new Unmet("guard.measures-open"));
        }
        return Optional.empty();
    }
}
