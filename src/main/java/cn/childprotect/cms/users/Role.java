package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §2. */
public enum Role {
    HOTLINE_OPERATOR,
    REPORTER,
    CHILD_DIRECTOR,
    SUPERVISOR,
    AGENCY_STAFF,
    ADMIN,
    /** The 12345 platform's machine account (coop, issue 16): only POST /api/v1/exchange/12345/tickets. */
    EXCHANGE_12345;

    public String label() {
        return Labels.of(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
