package cn.childprotect.cms.cases;

import cn.childprotect.cms.shared.Labels;

public enum TimelineKind {
    OPENED,
    TRANSITION,
    ASSIGNMENT,
    REPORT_LINKED,
    MERGED_IN,
    NOTE,
    RISK_LEVEL,
    ESCALATION,
    WORK_ORDER,
    ASSESSMENT,
    SUPPORT,
    CHILD_CORRECTED,
    MEASURE,
    SCREENING,
    FIRST_CONTACT;

    public String label() {
        return Labels.of(this);
    }
}
