package cn.childprotect.cms.cases.events;

/** A supervisor assigned (or re-assigned) a case to a child director. */
public record CaseAssigned(long caseId, String villageCode, String assignee, String previousAssignee, String actor) {
}
