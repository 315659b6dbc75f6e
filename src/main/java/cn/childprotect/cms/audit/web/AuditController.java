package cn.childprotect.cms.audit.web;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.audit.AuditRecord;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of the audit log for ADMIN (URL rule on /api/v1/admin/**). */
@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    record AuditPage(java.util.List<AuditRecord> items, long total, int page, int size) {
    }

    @GetMapping("/api/v1/admin/audit")
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        Page<AuditRecord> result = auditLog.search(actor, targetType, targetId, action,
                PageRequest.of(Math.max(page, 0), safeSize, Sort.by(Sort.Direction.DESC, "id")));
        return new AuditPage(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
    }
}
