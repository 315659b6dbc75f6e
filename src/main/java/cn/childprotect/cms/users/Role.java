package cn.childprotect.cms.users;

/** docs/domain.md §2. */
public enum Role {
    HOTLINE_OPERATOR("热线接线员"),
    REPORTER("强制报告责任单位"),
    CHILD_DIRECTOR("儿童主任"),
    SUPERVISOR("儿童督导员"),
    AGENCY_STAFF("协同机构人员"),
    ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
