package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.Set;

/**
 * What a mandated reporter learns of its own report (未成年人保护法 art. 11, "in an appropriate
 * way"): the receipt and a coarse status, never the case file. {@code policeNotificationDue} is set
 * while the filer still has to record its police report (MR categories), so that it can.
 */
public record ReportFeedback(long id, String receiptNumber, Instant receivedAt, Set<String> categories,
        FeedbackStatus status, String statusLabel, Instant policeNotificationDue) {

    public enum FeedbackStatus {
        RECEIVED("已接收"), ACCEPTED("已受理"), IN_PROGRESS("处置中"), CLOSED("已办结");

        private final String label;

        FeedbackStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
