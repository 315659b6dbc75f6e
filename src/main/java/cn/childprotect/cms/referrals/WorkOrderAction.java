package cn.childprotect.cms.referrals;

import cn.childprotect.cms.shared.Labels;

import java.util.EnumSet;
import java.util.Set;

import static cn.childprotect.cms.referrals.WorkOrderStatus.DISPATCHED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RESPONDED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RETURNED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.SIGNED;

/**
 * The steps of a work order: from which states each may be taken, where it leads, and whose
 * step it is. A RETURNED order goes back to the dispatcher, who re-dispatches it (to the same or
 * another agency) or revokes it.
 */
public enum WorkOrderAction {
    DISPATCH(Set.of(), DISPATCHED, Side.DISPATCHER),
    SIGN(EnumSet.of(DISPATCHED), SIGNED, Side.AGENCY),
    RETURN(EnumSet.of(DISPATCHED, SIGNED), RETURNED, Side.AGENCY),
    RESPOND(EnumSet.of(SIGNED), RESPONDED, Side.AGENCY),
    COMPLETE(EnumSet.of(RESPONDED), WorkOrderStatus.COMPLETED, Side.DISPATCHER),
    REOPEN(EnumSet.of(RESPONDED), SIGNED, Side.DISPATCHER),
    REDISPATCH(EnumSet.of(RETURNED), DISPATCHED, Side.DISPATCHER),
    REVOKE(EnumSet.of(DISPATCHED, SIGNED, RETURNED, RESPONDED), WorkOrderStatus.REVOKED, Side.DISPATCHER),
    URGE(EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR);

    enum Side { DISPATCHER, AGENCY, SUPERVISOR }
    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;
    private final Side side;

    WorkOrderAction(Set<WorkOrderStatus> from, WorkOrderStatus to, Side side) {
        this.from = from;
        this.to = to;
        this.side = side;
    }

    public String label() {
        return Labels.of(this);
    }

    public boolean allowedFrom(WorkOrderStatus status) {
        return from.contains(status);
    }

    /** The state after the step; null for URGE, which changes no state. */
    public WorkOrderStatus target() {
        return to;
    }

    Side side() {
        return side;
    }
}
