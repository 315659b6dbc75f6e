package cn.childprotect.cms.assessment;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.stereotype.Component;

/** COMPLETE_ASSESSMENT needs an assessment that counts; START_SUPPORT a plan with a service. */
@Component
class SupportGuards implements TransitionGuard {

    private final AssessmentDesk assessments;
    private final SupportPlanDesk plans;

    SupportGuards(AssessmentDesk assessments, SupportPlanDesk plans) {
        this.assessments = assessments;
        this.plans = plans;
    }

    @Override
    public Set<CaseEvent> events() {
        return EnumSet.of(CaseEvent.COMPLETE_ASSESSMENT, CaseEvent.START_SUPPORT);
    }

    @Override
    public Optional<Unmet> unmetCondition(long caseId, CaseEvent event) {
        if (event == CaseEvent.COMPLETE_ASSESSMENT && !assessments.hasCountingAssessment(caseId)) {
            return Optional.of(new Unmet("guard.assessment-missing"));
        }
        if (event == CaseEvent.START_SUPPORT && !plans.hasPlanWithService(caseId)) {
            return Optional.of(new Unmet("guard.plan-missing"));
        }
        return Optional.empty();
    }
}
