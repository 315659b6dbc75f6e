package cn.childprotect.cms.audit;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stores audit events. A plain (synchronous) listener on purpose: it runs inside the
 * publisher's transaction, so a change is never committed without its audit row.
 */
@Service
public class AuditLog {

    private final AuditEntries entries;
    private final BusinessTime time;

    AuditLog(AuditEntries entries, BusinessTime time) {
        this.entries = entries;
        this.time = time;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(AuditEvent event) {
        entries.save(new AuditEntry(time.now(), event.actor(), event.action(), event.targetType(), event.targetId(),
                event.outcome(), clientAddress(), event.detail()));
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
