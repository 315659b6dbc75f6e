package cn.childprotect.cms.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete method exists, on purpose. */
interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    @Query("""
            select e from AuditEntry e
            where (:actor is null or e.actor = :actor)
              and (:targetType is null or e.targetType = :targetType)
              and (:targetId is null or e.targetId = :targetId)
              and (:action is null or e.action = :action)""")
    Page<AuditEntry> search(String actor, String targetType, String targetId, String action, Pageable pageable);
}
