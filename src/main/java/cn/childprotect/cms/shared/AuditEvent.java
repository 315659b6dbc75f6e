package cn.childprotect.cms.shared;

/**
 * Published by any module for every change and every read of a case file. The audit module
 * stores it synchronously, inside the publisher's transaction, so the change and its audit row
 * commit or roll back together. Carries ids and short codes only, never personal data.
 *
 * @param actor username, or {@code "system"} for scheduled work
 * @param action a stable verb code such as {@code USER_CREATED} or {@code CASE_READ}
 * @param targetType the kind of thing acted on, such as {@code USER} or {@code CASE}
 * @param targetId its id (never a name or an ID number)
 * @param outcome {@code SUCCESS}, {@code DENIED} or {@code FAILURE}
 * @param detail a short note without personal data, may be null
 */
public record AuditEvent(String actor, String action, String targetType, String targetId, String outcome,
        String detail) {

    public static AuditEvent success(String actor, String action, String targetType, Object targetId) {
        return new AuditEvent(actor, action, targetType, targetId == null ? null : targetId.toString(), "SUCCESS",
                null);
    }

    public AuditEvent withDetail(String newDetail) {
        return new AuditEvent(actor, action, targetType, targetId, outcome, newDetail);
    }
}
