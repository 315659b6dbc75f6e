package cn.childprotect.cms.assessment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpVisits extends JpaRepository<FollowUpVisit, Long> {

    List<FollowUpVisit> findByCaseIdOrderByVisitedOnDescIdDesc(long caseId);
}
