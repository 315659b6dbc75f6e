package cn.childprotect.cms.casefile;

import java.util.List;

import cn.childprotect.cms.assessment.SupportViews;
import cn.childprotect.cms.cases.CaseDetail;
import cn.childprotect.cms.escalations.EscalationView;
import cn.childprotect.cms.evidence.Evidence;
import cn.childprotect.cms.guardianship.MeasureSummary;
import cn.childprotect.cms.monitoring.RegisterViews.CaseRegisterEntry;
import cn.childprotect.cms.intake.ChildCard;
import cn.childprotect.cms.intake.ChildHistory;
import cn.childprotect.cms.intake.ReportView;
import cn.childprotect.cms.referrals.WorkOrderView;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The case file of one case as someone who works it sees it (docs/domain.md §4, the case file).
 * As JSON ({@code GET /api/v1/cases/{id}}) the case's own fields stay at the top level, as they
 * always were, with {@code child} and {@code sections} beside them.
 *
 * @param file the case, its state and the events the viewer may fire now
 * @param child the child and guardians; null when the child record is missing
 * @param sections what the other modules keep about the case
 */
public record CaseFilePage(@JsonUnwrapped CaseDetail file, ChildCard child, Sections sections) {

    /**
     * One typed part per module; {@code registerEntry} is null when the child is not on the
     * at-risk register (or the viewer may not see the entry), {@code history} (the child's history
     * of involvement, docs/domain.md §8) when the viewer may not read it. {@code attachments} are
     * the evidence files of the case and its reports. A new module's part (guardianship measures,
     * the monitoring register entry) is a new component here, filled by one line in
     * {@link CaseFileReader}.
     */
    public record Sections(List<ReportView> reports, SupportViews.OfCase support, List<WorkOrderView> workOrders,
            List<EscalationView> escalations, List<MeasureSummary> measures,
            CaseRegisterEntry registerEntry, ChildHistory history, List<Evidence.AttachmentView> attachments) {
    }
}
