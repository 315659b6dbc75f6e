package cn.childprotect.cms.cases;

/** docs/domain.md §6: the level a risk assessment gives. */
public enum RiskLevel {
    LOW("低"), MEDIUM("中"), HIGH("高"), CRITICAL("极高");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** HIGH and CRITICAL need a supervisor's confirmation before they count. */
    public boolean needsConfirmation() {
        return this == HIGH || this == CRITICAL;
    }
}
