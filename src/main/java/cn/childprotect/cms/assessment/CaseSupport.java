package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.users.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the assessment module tells about a case as a whole: its assessments, plan and visits for
 * the case file, and the reassessments the deadline sweep escalates. The work itself is done by
 * three desks, one per concern: {@link AssessmentDesk} (assessments, confirmation, the
 * reassessment clock), {@link SupportPlanDesk} (the support plan) and {@link VisitDesk}
 * (follow-up visits).
 */
@Service
@Transactional(readOnly = true)
public class CaseSupport {

    private final AssessmentDesk assessments;
    private final SupportPlanDesk plans;
    private final VisitDesk visits;
    private final WorkedCases worked;

    CaseSupport(AssessmentDesk assessments, SupportPlanDesk plans, VisitDesk visits, WorkedCases worked) {
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.worked = worked;
    }

    /**
     * Assessments, plan and visits of a case for its case file (docs/domain.md, the case file):
     * checks that the viewer works the case but does not audit, because the case file audits
     * its read as a whole (CASE_READ).
     */
    public SupportViews.OfCase ofCaseUnaudited(long caseId, CurrentUser viewer) {
        worked.workedCase(caseId, viewer);
        return new SupportViews.OfCase(assessments.assessmentsFor(caseId), plans.findPlan(caseId).orElse(null),
                visits.visitsFor(caseId));
    }

    /** Open cases whose 30-day reassessment is overdue, earliest first (the deadline sweep's read). */
    public List<AssessmentDesk.ReassessmentDue> overdueReassessments(Instant now, int limit) {
        return assessments.overdueReassessments(now, limit);
    }

    /** The same after a (due, case id) key, for a sweep that works through a backlog. */
    public List<AssessmentDesk.ReassessmentDue> overdueReassessments(Instant now,
            cn.childprotect.cms.shared.deadlines.DeadlineKey after, int limit) {
        return assessments.overdueReassessments(now, after, limit);
    }
}
