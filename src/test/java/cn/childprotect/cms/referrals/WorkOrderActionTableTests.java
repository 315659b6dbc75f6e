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
    static final Map<WorkOrderAction, Set<WorkOrderStatus>> ALLOWED = Map.of(
            WorkOrderAction.DISPATCH, Set.of(),
            WorkOrderAction.SIGN, Set.of(DISPATCHED),
            WorkOrderAction.RETURN, Set.of(DISPATCHED, SIGNED),
            WorkOrderAction.RESPOND, Set.of(SIGNED),
            WorkOrderAction.COMPLETE, Set.of(RESPONDED),
            WorkOrderAction.REOPEN, Set.of(RESPONDED),
            WorkOrderAction.REDISPATCH, Set.of(RETURNED),
            WorkOrderAction.REVOKE, Set.of(DISPATCHED, SIGNED, RETURNED, RESPONDED),
            WorkOrderAction.URGE, Set.of(DISPATCHED, SIGNED));

    static final Map<WorkOrderAction, WorkOrderStatus> TARGET = Map.of(
            WorkOrderAction.SIGN, SIGNED, WorkOrderAction.RETURN, RETURNED, WorkOrderAction.RESPOND, RESPONDED,
            WorkOrderAction.COMPLETE, COMPLETED, WorkOrderAction.REOPEN, SIGNED, WorkOrderAction.REDISPATCH, DISPATCHED,
            WorkOrderAction.REVOKE, REVOKED, WorkOrderAction.DISPATCH, DISPATCHED);

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
    void closedOrdersTakeNoStepAndOpenOnesCanAlwaysBeRevoked(WorkOrderStatus status) {
        boolean anyStep = EnumSet.allOf(WorkOrderAction.class).stream().anyMatch(a -> a.allowedFrom(status));
        assertThat(anyStep).isEqualTo(status.isOpen());
        assertThat(WorkOrderAction.REVOKE.allowedFrom(status)).isEqualTo(status.isOpen());
    }
}
