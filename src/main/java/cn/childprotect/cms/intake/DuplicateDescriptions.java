package cn.childprotect.cms.intake;

import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Describes a case that may be about the same child so that a person can tell the candidates
 * apart, with no more than a masked list row shows: masked name, sex, age in years (never the
 * birth date), village, state and the time of its latest report. The caller has already
 * checked that the case is in the user's scope.
 */
@Component
class DuplicateDescriptions {

    private final ChildRegistry children;
    private final Reports reports;
    private final Jurisdictions jurisdictions;
    private final BusinessTime time;

    DuplicateDescriptions(ChildRegistry children, Reports reports, Jurisdictions jurisdictions, BusinessTime time) {
        this.children = children;
        this.reports = reports;
        this.jurisdictions = jurisdictions;
        this.time = time;
    }

    ReportReceipt.PossibleDuplicate of(CaseRef c, long childId) {
        return of(c.id(), c.caseNumber(), c.status(), c.villageCode(), childId);
    }

    @Transactional(readOnly = true)
    ReportReceipt.PossibleDuplicate of(long caseId, String caseNumber, CaseStatus status, String villageCode,
            long childId) {
        ChildSummary child = children.find(childId).orElse(null);
        Sex sex = child == null || child.sex() == null ? Sex.UNKNOWN : child.sex();
        return new ReportReceipt.PossibleDuplicate(caseId, caseNumber, status.name(), status.label(),
                ChildSummary.maskName(child == null ? null : child.name()), sex.name(), sex.label(),
                child == null ? null : child.ageOn(time.today()), jurisdictions.nameOf(villageCode),
                reports.findFirstByCaseIdOrderByReceivedAtDesc(caseId).map(Report::receivedAt).orElse(null));
    }
}
