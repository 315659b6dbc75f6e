package cn.childprotect.cms.escalations;

import cn.childprotect.cms.shared.Labels;

/** What an item is about: a missed deadline or a review trigger. */
public enum EscalationKind {
    CASE_DEADLINE(3, true),
    POLICE_NOTIFICATION(5, true),
    WORK_ORDER_SIGN(2, true),
    WORK_ORDER_RESPONSE(2, true),
    REASSESSMENT(1, true),
    EMERGENCY_DECLARED(5, false),
    WORK_ORDER_RETURNED(2, false),
    HIGH_RISK(4, false),
    CLOSURE_REQUESTED(1, false),
    POSSIBLE_DUPLICATE(2, false),
    // kinds of other modules' deadlines (shared.deadlines.DeadlineSource) are added below, missedDeadline = true
    /** guardianship: a measure's legal or review deadline (decision, 复议, review, lapse, 查访, placement review). */
    MEASURE_DEADLINE(4, true),
    /** monitoring: a register entry's visit by its tier, and a key-period campaign visit. */
    REGISTER_VISIT(2, true),
    CAMPAIGN_VISIT(2, true),
    /** The first face-to-face contact (首次见面核实) of an accepted case is late (cases.CaseScreening). */
    FIRST_CONTACT(4, true);

    private final int severity;
    private final boolean missedDeadline;

    EscalationKind(int severity, boolean missedDeadline) {
        this.severity = severity;
        this.missedDeadline = missedDeadline;
    }

    public String label() {
        return Labels.of(this);
    }

    /** Higher first in the queue. */
    public int severity() {
        return severity;
    }

    public boolean isMissedDeadline() {
        return missedDeadline;
    }
}
