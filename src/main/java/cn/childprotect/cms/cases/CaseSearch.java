package cn.childprotect.cms.cases;

import java.time.LocalDate;
import java.util.Set;

/** Filters of the case list; all optional. {@code assignedToMe} is the API's {@code assignee=me}. */
public record CaseSearch(Set<CaseStatus> statuses, String jurisdictionPrefix, boolean assignedToMe, String category,
        boolean overdueOnly, RiskLevel riskLevel, String text, LocalDate receivedFrom, LocalDate receivedTo) {
}
