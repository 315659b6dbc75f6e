package cn.childprotect.cms.escalations;

public enum EscalationLevel {
    TOWNSHIP("乡镇"), COUNTY("县级");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
