package cn.childprotect.cms.cases;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §6: the level a risk assessment gives. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return Labels.of(this);
    }

    /** HIGH and CRITICAL need a supervisor's confirmation before they count. */
    public boolean needsConfirmation() {
        return this == HIGH || this == CRITICAL;
    }
}
