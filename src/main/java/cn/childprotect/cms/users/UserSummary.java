package cn.childprotect.cms.users;

public record UserSummary(String username, String displayName, Role role, String jurisdictionCode,
        String agencyCode, InstitutionType institutionType, String institutionName, String email,
        boolean enabled, boolean locked) {
}
