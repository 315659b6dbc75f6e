package cn.childprotect.cms.assessment;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The one scope rule of the module's desks (docs/domain.md, scope): a case is there for the people
 * who work it (its child director, a supervisor in scope); for anyone else it is not (404).
 */
@Component
class WorkedCases {

    private final CaseFiles caseFiles;

    WorkedCases(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    CaseRef workedCase(long caseId, CurrentUser user) {
        return caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("cases.not-found-in-scope"));
    }
}
