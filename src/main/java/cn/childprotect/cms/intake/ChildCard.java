package cn.childprotect.cms.intake;

import java.util.List;

import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.GuardianSummary;

/** The child card of the case page (for those who work the case). */
public record ChildCard(ChildSummary child, List<GuardianSummary> guardians) {
}
