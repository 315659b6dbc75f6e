package cn.childprotect.cms.agencies;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §5. */
public enum AgencyType {
    PUBLIC_SECURITY,
    CIVIL_AFFAIRS,
    EDUCATION,
    HEALTH,
    JUSTICE,
    COURT,
    PROCURATORATE,
    WOMENS_FEDERATION,
    YOUTH_LEAGUE,
    DISABLED_FEDERATION,
    RESCUE_CENTER,
    WELFARE_INSTITUTION,
    SOCIAL_WORK;

    public String label() {
        return Labels.of(this);
    }
}
