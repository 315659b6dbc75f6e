package cn.childprotect.cms.cases;

import java.util.Set;

/** Intake opens a case for a report about a child who has no open case. */
public record OpenCaseCommand(long childId, String villageCode, Set<String> categories, boolean urgent,
        long reportId, String receiptNumber, String actor) {
}
