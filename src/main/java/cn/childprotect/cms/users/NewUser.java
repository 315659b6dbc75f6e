package cn.childprotect.cms.users;

/** What an administrator (or the demo seed) supplies to create an account. */
public record NewUser(String username, String displayName, String password, Role role, String jurisdictionCode,
        InstitutionType institutionType, String institutionName, String agencyCode, String email) {
}
