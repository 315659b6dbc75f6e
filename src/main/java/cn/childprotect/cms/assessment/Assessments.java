package cn.childprotect.cms.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Assessments extends JpaRepository<Assessment, Long> {

    List<Assessment> findByCaseIdOrderById(long caseId);
}
