package cn.childprotect.cms.agencies;

/** docs/domain.md §5. */
public enum AgencyType {
    PUBLIC_SECURITY("公安"),
    CIVIL_AFFAIRS("民政"),
    EDUCATION("教育"),
    HEALTH("卫健"),
    JUSTICE("司法行政"),
    COURT("法院"),
    PROCURATORATE("检察院"),
    WOMENS_FEDERATION("妇联"),
    YOUTH_LEAGUE("团委"),
    DISABLED_FEDERATION("残联"),
    RESCUE_CENTER("未成年人救助保护机构"),
    WELFARE_INSTITUTION("儿童福利机构"),
    SOCIAL_WORK("社工机构");

    private final String label;

    AgencyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
