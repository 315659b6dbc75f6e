package cn.childprotect.cms.agencies;

public record AgencySummary(long id, String code, AgencyType type, String name, String jurisdictionCode,
        String notificationEmail, boolean active) {
}
