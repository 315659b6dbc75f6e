package cn.childprotect.cms.referrals;

import cn.childprotect.cms.shared.Labels;

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
    DISPATCH(Set.of(), DISPATCHED, Side.DISPATCHER, null),
    SIGN(EnumSet.of(DISPATCHED), SIGNED, Side.AGENCY, null),
    RETURN(EnumSet.of(DISPATCHED, SIGNED), RETURNED, Side.AGENCY, "reason"),
    RESPOND(EnumSet.of(SIGNED), RESPONDED, Side.AGENCY, "answer"),
    COMPLETE(EnumSet.of(RESPONDED), COMPLETED, Side.DISPATCHER, null),
    REOPEN(EnumSet.of(RESPONDED), SIGNED, Side.DISPATCHER, "reason"),
    REDISPATCH(EnumSet.of(RETURNED), DISPATCHED, Side.DISPATCHER, null),
    REVOKE(EnumSet.of(DISPATCHED, SIGNED, RETURNED, RESPONDED), WorkOrderStatus.REVOKED, Side.DISPATCHER, "reason"),
    URGE(EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, "note"),
    // coop (issue 16): extensions, callbacks and the redo an unsatisfied callback sends
    REQUEST_EXTENSION(EnumSet.of(DISPATCHED, SIGNED), null, Side.AGENCY, "reason"),
    APPROVE_EXTENSION(EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, null),
    REFUSE_EXTENSION(EnumSet.of(DISPATCHED, SIGNED), null, Side.SUPERVISOR, "reason"),
    RECORD_CALLBACK(EnumSet.of(COMPLETED), null, Side.CALLBACK, null),
    REDO(EnumSet.of(COMPLETED), SIGNED, Side.CALLBACK, "comment");

    enum Side { DISPATCHER, AGENCY, SUPERVISOR, CALLBACK }

    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;
    private final Side side;
    private final String requiredText;

    WorkOrderAction(Set<WorkOrderStatus> from, WorkOrderStatus to, Side side, String requiredText) {
        this.from = from;
        this.to = to;
        this.side = side;
        this.requiredText = requiredText;
    }

    /** The step's name in the request's language (messages-domain). */
    public String label() {
        return Labels.of(this);
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
