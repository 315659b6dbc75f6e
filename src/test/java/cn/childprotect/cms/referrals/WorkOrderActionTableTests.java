package cn.childprotect.cms.referrals;

import static cn.childprotect.cms.referrals.WorkOrderStatus.COMPLETED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.DISPATCHED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RESPONDED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RETURNED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.REVOKED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The work-order state table of the README, every state × step pair. */
class WorkOrderActionTableTests {

    /** From which states each step may be taken (and where it leads). */
    static final Map<WorkOrderAction, Set<WorkOrderStatus>> ALLOWED = Map.ofEntries(
            Map.entry(WorkOrderAction.REQUEST_EXTENSION, Set.of(DISPATCHED, SIGNED)),
            Map.entry(WorkOrderAction.APPROVE_EXTENSION, Set.of(DISPATCHED, SIGNED)),
            Map.entry(WorkOrderAction.REFUSE_EXTENSION, Set.of(DISPATCHED, SIGNED)),
            Map.entry(WorkOrderAction.RECORD_CALLBACK, Set.of(COMPLETED)),
            Map.entry(WorkOrderAction.REDO, Set.of(COMPLETED)),
            Map.entry(WorkOrderAction.DISPATCH, Set.of()),
            Map.entry(WorkOrderAction.SIGN, Set.of(DISPATCHED)),
            Map.entry(WorkOrderAction.RETURN, Set.of(DISPATCHED, SIGNED)),
            Map.entry(WorkOrderAction.RESPOND, Set.of(SIGNED)),
            Map.entry(WorkOrderAction.COMPLETE, Set.of(RESPONDED)),
            Map.entry(WorkOrderAction.REOPEN, Set.of(RESPONDED)),
            Map.entry(WorkOrderAction.REDISPATCH, Set.of(RETURNED)),
            Map.entry(WorkOrderAction.REVOKE, Set.of(DISPATCHED, SIGNED, RETURNED, RESPONDED)),
            Map.entry(WorkOrderAction.URGE, Set.of(DISPATCHED, SIGNED)));

    static final Map<WorkOrderAction, WorkOrderStatus> TARGET = Map.of(
            WorkOrderAction.SIGN, SIGNED, WorkOrderAction.RETURN, RETURNED, WorkOrderAction.RESPOND, RESPONDED,
            WorkOrderAction.COMPLETE, COMPLETED, WorkOrderAction.REOPEN, SIGNED, WorkOrderAction.REDISPATCH, DISPATCHED,
            WorkOrderAction.REVOKE, REVOKED, WorkOrderAction.DISPATCH, DISPATCHED, WorkOrderAction.REDO, SIGNED);

    @ParameterizedTest
    @EnumSource(WorkOrderAction.class)
    void everyStateStepPair(WorkOrderAction action) {
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            assertThat(action.allowedFrom(status)).as("%s from %s", action, status)
                    .isEqualTo(ALLOWED.get(action).contains(status));
        }
        assertThat(action.target()).isEqualTo(TARGET.get(action));
    }

    @ParameterizedTest
    @EnumSource(WorkOrderStatus.class)
    void closedOrdersTakeNoStepButTheCallbackAndOpenOnesCanAlwaysBeRevoked(WorkOrderStatus status) {
        // a completed order is called back (回访), and redone when the caller is unsatisfied
        EnumSet<WorkOrderAction> afterCompletion = EnumSet.of(WorkOrderAction.RECORD_CALLBACK, WorkOrderAction.REDO);
        boolean anyStep = EnumSet.complementOf(afterCompletion).stream().anyMatch(a -> a.allowedFrom(status));
        assertThat(anyStep).isEqualTo(status.isOpen());
        assertThat(afterCompletion.stream().allMatch(a -> a.allowedFrom(status)))
                .isEqualTo(status == WorkOrderStatus.COMPLETED);
        assertThat(WorkOrderAction.REVOKE.allowedFrom(status)).isEqualTo(status.isOpen());
    }
}
