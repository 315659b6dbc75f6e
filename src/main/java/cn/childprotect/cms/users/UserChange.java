package cn.childprotect.cms.users;

/** A partial change of an account; null fields stay as they are. */
public record UserChange(String displayName, Role role, String jurisdictionCode, InstitutionType institutionType,
        String institutionName, String agencyCode, String email, Boolean enabled, String password, Boolean unlock) {
}
