package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReassessmentSchedules extends JpaRepository<ReassessmentSchedule, Long> {

    @Query("""
            select s from ReassessmentSchedule s where s.reassessmentDue < :now
              and (s.reassessmentDue > :afterDeadline or (s.reassessmentDue = :afterDeadline and s.caseId > :afterId))
            order by s.reassessmentDue, s.caseId""")
    List<ReassessmentSchedule> findOverdue(Instant now, Instant afterDeadline, long afterId, Pageable page);
}
