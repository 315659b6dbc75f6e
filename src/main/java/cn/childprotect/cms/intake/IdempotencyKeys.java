package cn.childprotect.cms.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The claim table of Idempotency-Keys (plain JDBC: the insert must happen first and at once). */
@Component
class IdempotencyKeys {

    record Claim(String requestHash, Long reportId) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws a DataIntegrityViolationException (or waits, then throws) when the key is taken. */
    void claim(String account, String key, String requestHash, Instant now) {
        jdbc.update("insert into intake_idempotency (account, idem_key, request_hash, report_id, created_at) "
                + "values (?, ?, ?, null, ?)", account, key, requestHash, Timestamp.from(now));
    }

    void complete(String account, String key, long reportId) {
        jdbc.update("update intake_idempotency set report_id = ? where account = ? and idem_key = ?", reportId,
                account, key);
    }

    Optional<Claim> find(String account, String key) {
        List<Claim> rows = jdbc.query(
                "select request_hash, report_id from intake_idempotency where account = ? and idem_key = ?",
                (rs, n) -> new Claim(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)), account, key);
        return rows.stream().findFirst();
    }
}
