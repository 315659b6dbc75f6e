package cn.childprotect.cms.cases;

/**
 * How other modules refer to a case. {@code version} is the case's version when it was read: a
 * command another module fires on the case as part of its own (a merge on relinking, an
 * emergency declared on a visit) carries it, so that a change made in between is refused.
 */
public record CaseRef(long id, String caseNumber, CaseStatus status, String villageCode, long version) {
}
