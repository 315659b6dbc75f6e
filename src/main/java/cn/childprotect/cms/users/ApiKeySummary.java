package cn.childprotect.cms.users;

import java.time.Instant;

/** An API key as an administrator sees it: never the key itself, only its first characters. */
public record ApiKeySummary(long id, String username, String prefix, String label, Instant createdAt,
        String createdBy, Instant revokedAt, String revokedBy) {
}
