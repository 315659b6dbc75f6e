package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A report as case workers see it. Unless the viewer may know the reporter (a supervisor in
 * scope, or whoever filed it: 反家庭暴力法 art. 14), everything that would point to the
 * reporter is withheld: {@code reporter}, the filing account {@code submittedBy} and the
 * {@code channel}; {@code reporterHidden} says so. {@code possibleDuplicates} lists only cases
 * the viewer may see; {@code possibleMatchOutsideScope} says that there are others.
 */
public record ReportView(long id, String receiptNumber, Channel channel, Set<String> categories, boolean urgent,
        Instant occurredAt, Instant receivedAt, String villageCode, String narrative, Long caseId,
        boolean linkedToExistingCase, boolean pregnancyFlag, Police police, Instant policeNotificationDue,
        ReporterIdentity reporter, boolean reporterHidden, String submittedBy,
        List<ReportReceipt.PossibleDuplicate> possibleDuplicates, boolean possibleMatchOutsideScope) {

    public record Police(Instant notifiedAt, String station, String receiptNumber) {
    }

    public record ReporterIdentity(boolean anonymous, String name, String phone, String institutionType,
            String institutionName) {
    }
}
