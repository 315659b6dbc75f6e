package cn.childprotect.cms.referrals;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §5 (12345 practice). */
public enum WorkOrderStatus {
    DISPATCHED, SIGNED, RETURNED, RESPONDED, COMPLETED,
    REVOKED;

    public String label() {
        return Labels.of(this);
    }

    public boolean isOpen() {
        return this != COMPLETED && this != REVOKED;
    }
}
