package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §2. */
public enum Role {
    HOTLINE_OPERATOR,
    REPORTER,
    CHILD_DIRECTOR,
    SUPERVISOR,
    AGENCY_STAFF,
    ADMIN;

    public String label() {
        return Labels.of(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
