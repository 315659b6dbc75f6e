package cn.childprotect.cms.users;

/** Mandated-reporter institution types, docs/domain.md §3.2. */
public enum InstitutionType {
    VILLAGE_COMMITTEE("村（居）民委员会"),
    SCHOOL("学校、幼儿园、培训机构"),
    CHILDCARE("托育机构"),
    MEDICAL("医疗机构"),
    WELFARE("救助管理、福利、社工机构"),
    HOTEL("旅店、宾馆"),
    DOMESTIC_SERVICE("家政服务机构"),
    GOVERNMENT("国家机关");

    private final String label;

    InstitutionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
