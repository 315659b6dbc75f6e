package cn.childprotect.cms.cases;

public enum TimelineKind {
    OPENED("立案"),
    TRANSITION("状态变更"),
    ASSIGNMENT("指派"),
    REPORT_LINKED("关联新报告"),
    MERGED_IN("并入个案"),
    NOTE("个案记录"),
    RISK_LEVEL("风险等级"),
    ESCALATION("督办提醒"),
    WORK_ORDER("工单"),
    ASSESSMENT("评估"),
    SUPPORT("帮扶"),
    CHILD_CORRECTED("更正儿童信息");

    private final String label;

    TimelineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
