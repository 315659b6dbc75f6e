package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningDecisions extends JpaRepository<ScreeningDecision, Long> {

    /** The first-contact sweep: an index range scan on the pending due date, oldest first. */
    List<ScreeningDecision> findByContactPendingDueLessThanOrderByContactPendingDueAsc(Instant now, Pageable page);
}
