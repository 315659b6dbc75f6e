package cn.childprotect.cms.referrals;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.stereotype.Component;

/**
 * The workflow's conditions on work orders: support starts only when every order has been
 * signed, and a case is closed only when no order is still open.
 */
@Component
class WorkOrderGuards implements TransitionGuard {

    private final WorkOrderDesk desk;

    WorkOrderGuards(WorkOrderDesk desk) {
        this.desk = desk;
    }

    @Override
    public Set<CaseEvent> events() {
        return EnumSet.of(CaseEvent.START_SUPPORT, CaseEvent.REQUEST_CLOSURE);
    }

    @Override
    public Optional<Unmet> unmetCondition(long caseId, CaseEvent event) {
        if (event == CaseEvent.START_SUPPORT
                && desk.hasOrderIn(caseId, EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.RETURNED))) {
            return Optional.of(new Unmet("guard.orders-unsigned"));
        }
        if (event == CaseEvent.REQUEST_CLOSURE && desk.hasOrderIn(caseId, EnumSet.of(WorkOrderStatus.DISPATCHED,
                WorkOrderStatus.SIGNED, WorkOrderStatus.RETURNED, WorkOrderStatus.RESPONDED))) {
            return Optional.of(new Unmet("guard.orders-open"));
        }
        return Optional.empty();
    }
}
