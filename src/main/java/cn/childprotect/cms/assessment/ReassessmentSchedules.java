package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReassessmentSchedules extends JpaRepository<ReassessmentSchedule, Long> {

    @Query("select s from ReassessmentSchedule s where s.reassessmentDue < :now order by s.reassessmentDue")
    List<ReassessmentSchedule> findOverdue(Instant now, Pageable page);
}
