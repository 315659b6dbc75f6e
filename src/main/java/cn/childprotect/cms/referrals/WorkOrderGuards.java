package cn.childprotect.cms.referrals;

import java.util.EnumSet;
import java.util.Optional;

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
    public Optional<String> unmetCondition(long caseId, CaseEvent event) {
        if (event == CaseEvent.START_SUPPORT
                && desk.hasOrderIn(caseId, EnumSet.of(WorkOrderStatus.DISPATCHED, WorkOrderStatus.RETURNED))) {
            return Optional.of("还有工单未被签收（或已退回待重新派单），不能开始帮扶");
        }
        if (event == CaseEvent.REQUEST_CLOSURE && desk.hasOrderIn(caseId, EnumSet.of(WorkOrderStatus.DISPATCHED,
                WorkOrderStatus.SIGNED, WorkOrderStatus.RETURNED, WorkOrderStatus.RESPONDED))) {
            return Optional.of("还有未办结的工单，不能申请结案：请先办结或撤回所有工单");
        }
        return Optional.empty();
    }
}
