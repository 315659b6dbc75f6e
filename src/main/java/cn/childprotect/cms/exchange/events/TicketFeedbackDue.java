package cn.childprotect.cms.exchange.events;

import java.time.Instant;

/**
 * A status of a 12345 ticket to push to the platform, written to the outbox in the transaction
 * that caused it. {@code eventId} is what the platform de-duplicates by. {@code status} is
 * ACCEPTED (受理) or COMPLETED (办结); {@code replyText} carries no identity beyond the ticket's.
 */
public record TicketFeedbackDue(String eventId, String ticketNumber, String status, String receiptNumber,
        String replyText, Instant occurredAt) {
}
