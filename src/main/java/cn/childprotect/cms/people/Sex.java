package cn.childprotect.cms.people;

import cn.childprotect.cms.shared.Labels;

public enum Sex {
    MALE, FEMALE, UNKNOWN;

    public String label() {
        return Labels.of(this);
    }
}
