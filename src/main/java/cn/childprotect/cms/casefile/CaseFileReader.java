package cn.childprotect.cms.casefile;

import cn.childprotect.cms.assessment.CaseSupport;
import cn.childprotect.cms.cases.CaseDetail;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.escalations.EscalationDesk;
import cn.childprotect.cms.evidence.Evidence;
import cn.childprotect.cms.guardianship.MeasureDesk;
import cn.childprotect.cms.monitoring.Register;
import cn.childprotect.cms.intake.ChildCard;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.InvolvementHistory;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the case file of a case from the facades below (docs/domain.md §4, the case file).
 * The case comes first: {@link CaseQueries#detail} refuses a caller who does not work the case
 * (404 outside scope, 403 for a role that works no case) and audits the read as CASE_READ, so the
 * parts after it are read without auditing each again, except the child's history of involvement,
 * which reaches other children of the family and is audited as CHILD_HISTORY_READ as everywhere.
 * One transaction: the page is one snapshot, so no part may throw a refusal (it would roll it back).
 */
@Service
public class CaseFileReader {

    private final CaseQueries cases;
    private final ChildRegistry children;
    private final IntakeQueries reports;
    private final CaseSupport support;
    private final WorkOrderDesk workOrders;
    private final EscalationDesk escalations;
    private final MeasureDesk measures;
    private final Register register;
    private final InvolvementHistory history;
    private final Evidence evidence;

    CaseFileReader(CaseQueries cases, ChildRegistry children, IntakeQueries reports, CaseSupport support,
            WorkOrderDesk workOrders, EscalationDesk escalations, MeasureDesk measures, Register register,
            InvolvementHistory history, Evidence evidence) {
        this.history = history;
        this.evidence = evidence;
        this.cases = cases;
        this.children = children;
        this.reports = reports;
        this.support = support;
        this.workOrders = workOrders;
        this.escalations = escalations;
        this.measures = measures;
        this.register = register;
    }

    /** The case file for someone who works the case; audited. Writes the audit row, so read-write. */
    @Transactional
    public CaseFilePage page(long caseId, CurrentUser viewer) {
        CaseDetail file = cases.detail(caseId, viewer);
        ChildCard child = children.find(file.childId())
                .map(c -> new ChildCard(c, children.guardiansOf(file.childId()))).orElse(null);
        CaseFilePage.Sections sections = new CaseFilePage.Sections(
                reports.ofCase(caseId, viewer),
                support.ofCaseUnaudited(caseId, viewer),
                workOrders.ofCaseUnaudited(caseId, viewer),
                escalations.openOfCaseUnaudited(caseId, viewer),
                measures.forCase(caseId, viewer),
                register.registerEntryForCase(caseId, viewer).orElse(null),
                child == null ? null : history.forCaseFile(file.childId(), viewer).orElse(null),
                evidence.ofCase(caseId, viewer));
        return new CaseFilePage(file, child, sections);
    }
}
