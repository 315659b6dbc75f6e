package cn.childprotect.cms.referrals;

import java.util.EnumSet;
import java.util.Set;

import static cn.childprotect.cms.referrals.WorkOrderStatus.COMPLETED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.DISPATCHED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RESPONDED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.RETURNED;
import static cn.childprotect.cms.referrals.WorkOrderStatus.SIGNED;

/**
 * The step table of a work order: from which states each step may be taken, where it leads,
 * whose step it is and which text it requires. {@link WorkOrderDesk#take} runs every step from
 * this table. A RETURNED order goes back to the dispatcher, who re-dispatches it (to the same or
 * another agency) or revokes it. Labels are in the bundles: {@code cms.work-order.action.<NAME>}.
 */
public enum WorkOrderAction {
    DISPATCH("派单", Set.of(), DISPATCHED, Side.DISPATCHER, null),
    SIGN("签收", EnumSet.of(DISPATCHED), SIGNED, Side.AGENCY, null),
    RETURN("退回", EnumSet.of(DISPATCHED, SIGNED), RETURNED, Side.AGENCY, "reason"),
    RESPOND("反馈", EnumSet.of(SIGNED), RESPONDED, Side.AGENCY, "answer"),
    COMPLETE("办结", EnumSet.of(RESPONDED), COMPLETED, Side.DISPATCHER, null),
    REOPEN("重办", EnumSet.of(RESPONDED), SIGNED, Side.DISPATCHER, "reason"),
    REDISPATCH("重新派单", EnumSet.of(RETURNED), DISPATCHED, Side.DISPATCHER, null),
    REVOKE("撤回", EnumSet.of(DISPATCHED, SIGNED, RETURNED, RESPONDED), WorkOrderStatus.REVOKED, Side.DISPATCHER,
            "reason"),
    URGE("督办", EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, "note"),
    // coop (issue 16): extensions, callbacks and the redo an unsatisfied callback sends
    REQUEST_EXTENSION(null, EnumSet.of(DISPATCHED, SIGNED), null, Side.AGENCY, "reason"),
    APPROVE_EXTENSION(null, EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, null),
    REFUSE_EXTENSION(null, EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, "reason"),
    RECORD_CALLBACK(null, EnumSet.of(COMPLETED), null, Side.CALLBACK, null),
    REDO(null, EnumSet.of(COMPLETED), SIGNED, Side.CALLBACK, "comment");

    enum Side { DISPATCHER, AGENCY, SUPERVISOR, CALLBACK }

    private final String label;
    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;
    private final Side side;
    private final String requiredText;

    WorkOrderAction(String label, Set<WorkOrderStatus> from, WorkOrderStatus to, Side side, String requiredText) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.side = side;
        this.requiredText = requiredText;
    }

    /** @deprecated the bundles' {@link #messageKey()} is the label; kept for callers not yet moved. */
    @Deprecated
    public String label() {
        return label == null ? name() : label;
    }

    /** The bundle key of the step's label. */
    public String messageKey() {
        return "cms.work-order.action." + name();
    }

    public boolean allowedFrom(WorkOrderStatus status) {
        return from.contains(status);
    }

    /** The state after the step; null for a step that changes no state (督办, extensions, callbacks). */
    public WorkOrderStatus target() {
        return to;
    }

    Side side() {
        return side;
    }

    /** The field of the text the step requires (reason, answer, note, comment), or null. */
    String requiredText() {
        return requiredText;
    }
}
