package cn.childprotect.cms.intake;

import cn.childprotect.cms.cases.CaseDetailSection;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.stereotype.Component;

/** The reports of a case on its page (the reporter only for supervisors in scope). */
@Component
class CaseReportsSection implements CaseDetailSection {

    private final IntakeQueries queries;

    CaseReportsSection(IntakeQueries queries) {
        this.queries = queries;
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public Object describe(long caseId, CurrentUser viewer) {
        return queries.ofCase(caseId, viewer);
    }
}
