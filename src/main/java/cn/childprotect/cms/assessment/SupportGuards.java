package cn.childprotect.cms.assessment;

import java.util.Optional;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.TransitionGuard;

import org.springframework.stereotype.Component;

/** COMPLETE_ASSESSMENT needs an assessment that counts; START_SUPPORT a plan with a service. */
@Component
class SupportGuards implements TransitionGuard {

    private final CaseSupport support;

    SupportGuards(CaseSupport support) {
        this.support = support;
    }

    @Override
    public Optional<String> unmetCondition(long caseId, CaseEvent event) {
        if (event == CaseEvent.COMPLETE_ASSESSMENT && !support.hasCountingAssessment(caseId)) {
            return Optional.of("尚无已完成的风险评估（高风险、极高风险须经督导员确认），不能进入处置");
        }
        if (event == CaseEvent.START_SUPPORT && !support.hasPlanWithService(caseId)) {
            return Optional.of("尚无包含至少一项服务的帮扶计划，不能开始帮扶");
        }
        return Optional.empty();
    }
}
