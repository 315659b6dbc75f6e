package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.Labels;

/** Where a child in 临时监护 is placed (DOMAIN.md §6.1). */
public enum Placement {
    RELATIVES, FOSTER_FAMILY, RESCUE_CENTER, WELFARE_INSTITUTION;

    public String label() {
        return Labels.of(this);
    }
}
