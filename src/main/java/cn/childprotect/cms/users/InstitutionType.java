package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.Labels;

/** Mandated-reporter institution types, docs/domain.md §3.2. */
public enum InstitutionType {
    VILLAGE_COMMITTEE,
    SCHOOL,
    CHILDCARE,
    MEDICAL,
    WELFARE,
    HOTEL,
    DOMESTIC_SERVICE,
    GOVERNMENT;

    public String label() {
        return Labels.of(this);
    }
}
