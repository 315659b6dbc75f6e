package cn.childprotect.cms.people;

public record GuardianSummary(String name, String relation, String phone) {
}
