package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ScreeningDecisions extends JpaRepository<ScreeningDecision, Long> {

    /**
     * The escalation sweep's read after a (due, case id) key: an index range on
     * {@code cases_screening_contact_pending (contact_pending_due, case_id)}, in that order.
     */
    @Query("""
            select d from ScreeningDecision d where d.contactPendingDue < :now
              and (d.contactPendingDue > :afterDeadline or (d.contactPendingDue = :afterDeadline and d.caseId > :afterId))
            order by d.contactPendingDue, d.caseId""")
    List<ScreeningDecision> findContactsOverdueAfter(@Param("now") Instant now,
            @Param("afterDeadline") Instant afterDeadline, @Param("afterId") long afterId, Pageable page);
}
