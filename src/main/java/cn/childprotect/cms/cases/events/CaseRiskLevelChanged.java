package cn.childprotect.cms.cases.events;

import cn.childprotect.cms.cases.RiskLevel;

/** The level that counts for a case changed (a confirmed assessment). */
public record CaseRiskLevelChanged(long caseId, String villageCode, RiskLevel level) {
}
