package cn.childprotect.cms.assessment;

import cn.childprotect.cms.cases.events.CaseStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The reassessment clock stops at closure. */
@Component
class ReassessmentStop {

    private final AssessmentDesk support;

    ReassessmentStop(AssessmentDesk support) {
        this.support = support;
    }

    /** Same transaction as the transition: a closed case leaves the reassessment sweep at once. */
    @EventListener
    void on(CaseStatusChanged event) {
        if (!event.to().isOpen()) {
            support.stopSchedule(event.caseId());
        }
    }
}
