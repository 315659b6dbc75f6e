package cn.childprotect.cms.referrals;

import cn.childprotect.cms.cases.CaseDetailSection;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.stereotype.Component;

/** The work orders of a case on its page. */
@Component
class CaseWorkOrdersSection implements CaseDetailSection {

    private final WorkOrderDesk desk;

    CaseWorkOrdersSection(WorkOrderDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "workOrders";
    }

    @Override
    public Object describe(long caseId, CurrentUser viewer) {
        return desk.ofCaseUnaudited(caseId, viewer);
    }
}
