package cn.childprotect.cms.monitoring;

import cn.childprotect.cms.shared.Labels;

/** Risk tiers of the register; each has a visit cadence in {@code config/sla-policy.yml} (cms.sla.register). */
public enum RegisterTier {
    RED, ORANGE, YELLOW, GREEN;

    public String label() {
        return Labels.of(this);
    }
}
