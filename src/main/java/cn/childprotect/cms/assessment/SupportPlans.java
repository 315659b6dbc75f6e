package cn.childprotect.cms.assessment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupportPlans extends JpaRepository<SupportPlan, Long> {

    Optional<SupportPlan> findByCaseId(long caseId);
}
