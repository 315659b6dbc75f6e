package cn.childprotect.cms.cases.events;

/** A case was opened from a report (ids only). */
public record CaseOpened(long caseId, String villageCode) {
}
