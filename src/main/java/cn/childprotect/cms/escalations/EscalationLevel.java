package cn.childprotect.cms.escalations;

import cn.childprotect.cms.shared.Labels;

public enum EscalationLevel {
    TOWNSHIP, COUNTY;

    public String label() {
        return Labels.of(this);
    }
}
