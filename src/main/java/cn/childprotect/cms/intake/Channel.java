package cn.childprotect.cms.intake;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §3.2. */
public enum Channel {
    HOTLINE, INSTITUTION, WALK_IN, POLICE,
    REFERRAL_12345, SELF,
    /** Filed from a register visit that found harm (monitoring, docs/domain.md §6.2). */
    MONITORING;

    public String label() {
        return Labels.of(this);
    }
}
