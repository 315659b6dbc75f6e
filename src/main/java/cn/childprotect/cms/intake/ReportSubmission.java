package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.users.InstitutionType;

/** A report as a person files it (validated by {@link IntakeDesk}). */
public record ReportSubmission(Channel channel, List<String> categories, boolean urgent, Instant occurredAt,
        String villageCode, String narrative, ChildData child, Reporter reporter, PoliceNotification police,
        boolean pregnancyOrAbortion) {

    /** Who reported; for a REPORTER account the institution comes from the account instead. */
    public record Reporter(boolean anonymous, String name, String phone, InstitutionType institutionType,
            String institutionName) {
    }

    public record PoliceNotification(Instant notifiedAt, String station, String receiptNumber) {
    }
}
