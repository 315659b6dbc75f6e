package cn.childprotect.cms.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A machine account's API key; only its SHA-256 is stored. */
@Entity
@Table(name = "users_api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "key_prefix")
    private String keyPrefix;

    @Column(name = "key_hash", columnDefinition = "char(64)")
    private String keyHash;

    private String label;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiKey() {
    }

    ApiKey(String username, String keyPrefix, String keyHash, String label, Instant createdAt, String createdBy) {
        this.username = username;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.label = label;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    String username() {
        return username;
    }

    ApiKeySummary toSummary() {
        return new ApiKeySummary(id, username, keyPrefix, label, createdAt, createdBy, revokedAt, revokedBy);
    }
}
