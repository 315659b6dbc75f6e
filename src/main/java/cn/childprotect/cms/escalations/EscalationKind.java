package cn.childprotect.cms.escalations;

/** What an item is about; the first five are missed deadlines, the rest review triggers. */
public enum EscalationKind {
    CASE_DEADLINE("个案环节超时", 3),
    POLICE_NOTIFICATION("未按时报警", 5),
    WORK_ORDER_SIGN("工单超时未签收", 2),
    WORK_ORDER_RESPONSE("工单超时未反馈", 2),
    REASSESSMENT("超期未复评", 1),
    EMERGENCY_DECLARED("启动应急处置", 5),
    WORK_ORDER_RETURNED("工单被退回", 2),
    HIGH_RISK("高风险个案", 4),
    CLOSURE_REQUESTED("结案待审核", 1),
    POSSIBLE_DUPLICATE(BundleText.of("escalation.kind.possible-duplicate"), 2);

    private final String label;
    private final int severity;

    EscalationKind(String label, int severity) {
        this.label = label;
        this.severity = severity;
    }

    public String label() {
        return label;
    }

    /** Higher first in the queue. */
    public int severity() {
        return severity;
    }

    public boolean isMissedDeadline() {
        return ordinal() <= REASSESSMENT.ordinal();
    }
}
