package cn.childprotect.cms.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Assessments extends JpaRepository<Assessment, Long> {

    List<Assessment> findByCaseIdOrderById(long caseId);

    /** Completed assessments whose HIGH/CRITICAL level still awaits a supervisor, oldest first. */
    List<Assessment> findByStatusAndFinalLevelIsNullOrderByCompletedAtAscIdAsc(Assessment.Status status,
            org.springframework.data.domain.Pageable page);
}
