package cn.childprotect.cms.cases;

/** How other modules refer to a case. */
public record CaseRef(long id, String caseNumber, CaseStatus status, String villageCode) {
}
