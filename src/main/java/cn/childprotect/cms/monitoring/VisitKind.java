package cn.childprotect.cms.monitoring;

import cn.childprotect.cms.shared.Labels;

/** How a register visit was made. */
public enum VisitKind {
    HOME, PHONE, SCHOOL;

    public String label() {
        return Labels.of(this);
    }
}
