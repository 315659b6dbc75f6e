package cn.childprotect.cms.intake;

import cn.childprotect.cms.shared.Labels;

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
        RECEIVED, ACCEPTED, IN_PROGRESS, CLOSED;

        public String label() {
            return Labels.of(this);
        }
    }
}
