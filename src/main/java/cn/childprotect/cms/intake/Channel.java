package cn.childprotect.cms.intake;

/** docs/domain.md §3.2. */
public enum Channel {
    HOTLINE("热线"), INSTITUTION("强制报告责任单位"), WALK_IN("来访"), POLICE("公安移送"),
    REFERRAL_12345("12345 转办"), SELF("本人或家属");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
