package cn.childprotect.cms.intake.events;

/** The police notification of a report was recorded: its "police to be notified" deadline is met. */
public record PoliceNotificationRecorded(long reportId, Long caseId) {
}
