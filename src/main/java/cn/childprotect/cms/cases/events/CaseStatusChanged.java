package cn.childprotect.cms.cases.events;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseStatus;

/** A workflow event moved a case from one state to another. */
public record CaseStatusChanged(long caseId, String villageCode, CaseEvent event, CaseStatus from, CaseStatus to,
        String actor) {
}
