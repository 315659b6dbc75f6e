package cn.childprotect.cms.cases;

import java.time.LocalDate;
import java.util.Set;

/**
 * Filters of the case list; all optional. {@code assignedToMe} is the API's {@code assignee=me};
 * {@code assignee} filters by a named worker (supervisors' lists).
 */
public record CaseSearch(Set<CaseStatus> statuses, String jurisdictionPrefix, boolean assignedToMe, String category,
        boolean overdueOnly, RiskLevel riskLevel, String text, LocalDate receivedFrom, LocalDate receivedTo,
        boolean urgentOnly, String assignee) {

    public CaseSearch(Set<CaseStatus> statuses, String jurisdictionPrefix, boolean assignedToMe, String category,
            boolean overdueOnly, RiskLevel riskLevel, String text, LocalDate receivedFrom, LocalDate receivedTo) {
        this(statuses, jurisdictionPrefix, assignedToMe, category, overdueOnly, riskLevel, text, receivedFrom,
                receivedTo, false, null);
    }
}
