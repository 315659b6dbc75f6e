package cn.childprotect.cms.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.childprotect.cms.cases.CaseDetailSection;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Assessments, the support plan and visits on the case page; the reassessment clock stops at closure. */
@Component
class CaseSupportSections implements CaseDetailSection {

    private final CaseSupport support;

    CaseSupportSections(CaseSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return "support";
    }

    /** Called by the case page only after it has checked that the viewer works the case (and audited the read). */
    @Override
    public Object describe(long caseId, CurrentUser viewer) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("assessments", support.assessmentsFor(caseId));
        section.put("plan", support.findPlan(caseId).orElse(null));
        section.put("visits", support.visitsFor(caseId));
        return section;
    }

    /** Same transaction as the transition: a closed case leaves the reassessment sweep at once. */
    @EventListener
    void on(CaseStatusChanged event) {
        if (!event.to().isOpen()) {
            support.stopSchedule(event.caseId());
        }
    }
}
