package cn.childprotect.cms.audit;

import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BeforeCommitRows;
import cn.childprotect.cms.shared.BusinessTime;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stores audit events. A plain (synchronous) listener on purpose: it runs inside the
 * publisher's transaction, so a change is never committed without its audit row. The rows of one
 * transaction go as one JDBC batch just before it commits ({@link BeforeCommitRows}; a filing
 * audits the report and the case: one round trip instead of two); outside a transaction at once.
 */
@Service
public class AuditLog {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final String INSERT = """
            insert into audit_entry (occurred_at, actor, action, target_type, target_id, outcome, client_address, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AuditEntries entries;
    private final BusinessTime time;
    private final BeforeCommitRows rows;

    AuditLog(AuditEntries entries, BusinessTime time, JdbcTemplate jdbc) {
        this.entries = entries;
        this.time = time;
        this.rows = new BeforeCommitRows(jdbc, INSERT);
    }

    @EventListener
    void on(AuditEvent event) {
        // bound as Hibernate binds the entity's Instant (hibernate.jdbc.time_zone UTC, type TIMESTAMP)
        Timestamp at = Timestamp.from(time.now());
        String address = clientAddress();
        String detail = AuditEntry.fitting(event.detail());
        rows.add(ps -> {
            ps.setTimestamp(1, at, Calendar.getInstance(UTC));
            ps.setString(2, event.actor());
            ps.setString(3, event.action());
            ps.setString(4, event.targetType());
            ps.setString(5, event.targetId());
            ps.setString(6, event.outcome());
            ps.setString(7, address);
            ps.setString(8, detail);
        });
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(String actor, String targetType, String targetId, String action,
            Pageable pageable) {
        return entries.search(actor, targetType, targetId, action, pageable).map(AuditEntry::toRecord);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
