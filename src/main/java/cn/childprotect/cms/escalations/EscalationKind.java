package cn.childprotect.cms.escalations;

import cn.childprotect.cms.shared.Labels;

/** What an item is about; the first five are missed deadlines, the rest review triggers. */
public enum EscalationKind {
    CASE_DEADLINE(3),
    POLICE_NOTIFICATION(5),
    WORK_ORDER_SIGN(2),
    WORK_ORDER_RESPONSE(2),
    REASSESSMENT(1),
    EMERGENCY_DECLARED(5),
    WORK_ORDER_RETURNED(2),
    HIGH_RISK(4),
    CLOSURE_REQUESTED(1),
    POSSIBLE_DUPLICATE(2);
    private final int severity;

    EscalationKind(int severity) {
        this.severity = severity;
    }

    public String label() {
        return Labels.of(this);
    }

    /** Higher first in the queue. */
    public int severity() {
        return severity;
    }

    public boolean isMissedDeadline() {
        return ordinal() <= REASSESSMENT.ordinal();
    }
}
