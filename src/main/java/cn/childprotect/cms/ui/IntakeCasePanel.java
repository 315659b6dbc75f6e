package cn.childprotect.cms.ui;

import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.intake.ChildHistory;

/**
 * What the case page's intake panel (fragments/intake-case-panel.html) shows beside the case detail:
 * the screening choices and the child's history of involvement (null when the viewer may not read it).
 * docs/domain.md §8.
 */
public record IntakeCasePanel(CaseScreening.Choices screeningChoices, ChildHistory history) {
}
