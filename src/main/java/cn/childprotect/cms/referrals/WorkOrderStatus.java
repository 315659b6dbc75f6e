package cn.childprotect.cms.referrals;

/** docs/domain.md §5 (12345 practice). */
public enum WorkOrderStatus {
    DISPATCHED("已派单"), SIGNED("已签收"), RETURNED("已退回"), RESPONDED("已反馈"), COMPLETED("已办结"),
    REVOKED("已撤回");

    private final String label;

    WorkOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != COMPLETED && this != REVOKED;
    }
}
