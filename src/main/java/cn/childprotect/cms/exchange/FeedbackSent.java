package cn.childprotect.cms.exchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A feedback event the platform acknowledged; a resubmitted publication skips it. */
@Entity
@Table(name = "exchange_feedback_sent")
class FeedbackSent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "ticket_number")
    private String ticketNumber;

    private String status;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected FeedbackSent() {
    }

    FeedbackSent(String eventId, String ticketNumber, String status, Instant sentAt) {
        this.eventId = eventId;
        this.ticketNumber = ticketNumber;
        this.status = status;
        this.sentAt = sentAt;
    }
}
