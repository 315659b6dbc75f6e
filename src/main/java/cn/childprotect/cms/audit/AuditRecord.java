package cn.childprotect.cms.audit;

import java.time.Instant;

public record AuditRecord(long id, Instant occurredAt, String actor, String action, String targetType,
        String targetId, String outcome, String clientAddress, String detail) {
}
