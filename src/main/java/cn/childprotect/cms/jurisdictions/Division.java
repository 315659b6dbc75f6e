package cn.childprotect.cms.jurisdictions;

/** One node of the division tree. */
public record Division(String code, String name, DivisionLevel level, String parentCode) {
}
