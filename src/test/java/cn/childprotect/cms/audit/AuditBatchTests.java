package cn.childprotect.cms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19: the audit rows of a transaction go as one batch just before it commits, written with
 * plain JDBC. They must read back through the entity exactly as Hibernate would have stored them
 * (the instant as UTC in the column, hibernate.jdbc.time_zone), commit and roll back with the transaction,
 * and be written at once when no transaction runs.
 */
class AuditBatchTests extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void rowsOfATransactionCommitWithItAndReadBackAtTheirInstant() {
        String actor = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.success(actor, "TEST_FIRST", "REPORT", 1L).withDetail("x".repeat(600)));
            events.publishEvent(AuditEvent.success(actor, "TEST_SECOND", "CASE", 2L));
            // not sent yet: they go with the commit, as one batch
            assertThat(count(actor)).isZero();
        });
        Instant to = Instant.now();
        List<AuditRecord> rows = log.search(actor, null, null, null, PageRequest.of(0, 10)).getContent();
        assertThat(rows).extracting(AuditRecord::action).containsExactlyInAnyOrder("TEST_FIRST", "TEST_SECOND");
        assertThat(rows).allSatisfy(r -> assertThat(r.occurredAt()).isBetween(from, to.plus(Duration.ofMillis(1))));
        assertThat(rows).filteredOn(r -> r.action().equals("TEST_FIRST")).singleElement()
                .satisfies(r -> assertThat(r.detail()).hasSize(500));
        // the column holds UTC, as Hibernate writes it (H2 and MariaDB alike)
        Instant stored = jdbc.queryForObject("select occurred_at from audit_entry where actor = ? and action = 'TEST_SECOND'",
                java.time.LocalDateTime.class, actor).toInstant(java.time.ZoneOffset.UTC);
        assertThat(stored).isBetween(from, to.plus(Duration.ofMillis(1)));
    }

    @Test
    void rowsOfARolledBackTransactionAreGoneAndRowsOutsideOneAreWrittenAtOnce() {
        String actor = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.success(actor, "TEST_ROLLED_BACK", "REPORT", 1L));
            status.setRollbackOnly();
        });
        assertThat(count(actor)).isZero();

        events.publishEvent(AuditEvent.success(actor, "TEST_ALONE", "REPORT", 1L));
        assertThat(count(actor)).isEqualTo(1);
    }

    private int count(String actor) {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ?", Integer.class, actor);
    }
}
