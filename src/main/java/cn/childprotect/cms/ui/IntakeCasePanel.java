package cn.childprotect.cms.ui;

import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.intake.ChildHistory;

/**
 * What the case page's intake panel (fragments/intake-case-panel.html) shows beside the case detail:
 * the screening choices, the child's history of involvement (null when the viewer may not read it) and
 * the evidence attachments of the case and its reports (docs/domain.md §3.4).
 * docs/domain.md §8.
 */
public record IntakeCasePanel(CaseScreening.Choices screeningChoices, ChildHistory history,
        java.util.List<cn.childprotect.cms.evidence.Evidence.AttachmentView> attachments) {
}
