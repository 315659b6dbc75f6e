package cn.childprotect.cms.monitoring;

import cn.childprotect.cms.shared.Labels;

/** What a visit found about the child's safety. */
public enum VisitSafety {
    SAFE, AT_RISK, IN_DANGER;

    public String label() {
        return Labels.of(this);
    }
}
