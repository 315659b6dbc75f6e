package cn.childprotect.cms.intake.events;

import java.util.List;

/**
 * A report may be about a child who already has an open case ({@code otherCaseIds}), not
 * certainly enough to link it: a supervisor who may see both is to confirm. Ids only.
 */
public record PossibleDuplicateReported(long reportId, Long caseId, String villageCode, List<Long> otherCaseIds) {
}
