package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.Set;

/**
 * A report as case workers see it. {@code reporter} is null unless the viewer is a supervisor
 * in scope or the person who filed it (反家庭暴力法 art. 14: the reporter is confidential).
 */
public record ReportView(long id, String receiptNumber, Channel channel, Set<String> categories, boolean urgent,
        Instant occurredAt, Instant receivedAt, String villageCode, String narrative, Long caseId,
        boolean linkedToExistingCase, boolean pregnancyFlag, Police police, Instant policeNotificationDue,
        ReporterIdentity reporter, boolean reporterHidden, String submittedBy) {

    public record Police(Instant notifiedAt, String station, String receiptNumber) {
    }

    public record ReporterIdentity(boolean anonymous, String name, String phone, String institutionType,
            String institutionName) {
    }
}
