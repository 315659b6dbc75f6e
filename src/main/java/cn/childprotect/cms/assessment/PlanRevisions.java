package cn.childprotect.cms.assessment;

import java.util.List;

import org.springframework.data.repository.Repository;

interface PlanRevisions extends Repository<PlanRevision, Long> {

    PlanRevision save(PlanRevision revision);

    List<PlanRevision> findByCaseIdOrderByIdDesc(long caseId);
}
