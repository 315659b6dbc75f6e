package cn.childprotect.cms.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * Immutable: Hibernate never issues an update for it, and the repository offers no delete. Only
 * read through JPA: {@link AuditLog} writes the rows with plain JDBC, a transaction's in one batch.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    private String action;

    @Column(name = "target_type")
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    private String outcome;

    @Column(name = "client_address")
    private String clientAddress;

    private String detail;

    protected AuditEntry() {
    }

    /** The detail as the column takes it (at most 500 characters). */
    static String fitting(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt, actor, action, targetType, targetId, outcome, clientAddress, detail);
    }
}
