package cn.childprotect.cms.users;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;

/**
 * The authenticated caller as the other modules see them. Every facade query of case data
 * takes one of these and scopes itself by {@link #scope()}.
 */
public record CurrentUser(String username, String displayName, Role role, String jurisdictionCode,
        String agencyCode, InstitutionType institutionType, String institutionName) implements java.io.Serializable {

    public JurisdictionScope scope() {
        return JurisdictionScope.of(jurisdictionCode);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean covers(String divisionCode) {
        return scope().contains(divisionCode);
    }
}
