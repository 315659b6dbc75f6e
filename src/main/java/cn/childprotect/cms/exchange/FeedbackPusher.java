package cn.childprotect.cms.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.childprotect.cms.exchange.events.TicketFeedbackDue;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.RetryLater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a ticket's status to the platform, after the commit that queued it (the event
 * publication registry). Signed: {@code X-12345-Signature: sha256=<hex HMAC-SHA256 of the body>}
 * with the shared secret; {@code X-12345-Event-Id} names the event. A refusal or a network error
 * leaves the publication incomplete (one WARN line with the status code or cause), and
 * notifications' OutboxRetry resubmits it with backoff, up to {@code max-attempts} (then one ERROR,
 * and the exchange gives up); an event the platform acknowledged is logged and never pushed again.
 */
@Component
class FeedbackPusher {

    static final String SIGNATURE_HEADER = "X-12345-Signature";
    static final String EVENT_ID_HEADER = "X-12345-Event-Id";

    private static final Logger log = LoggerFactory.getLogger(FeedbackPusher.class);

    private final ExchangeProperties properties;
    private final FeedbackSentLog sent;
    private final JsonMapper json;
    private final BusinessTime time;
    private final HttpClient client;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    FeedbackPusher(ExchangeProperties properties, FeedbackSentLog sent, JsonMapper json, BusinessTime time,
            org.springframework.jdbc.core.JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.sent = sent;
        this.json = json;
        this.time = time;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @ApplicationModuleListener
    void on(TicketFeedbackDue event) {
        if (sent.existsById(event.eventId())) {
            return;
        }
        if (properties.feedbackUrl() == null || properties.feedbackUrl().isBlank()) {
            log.warn("12345 feedback {} of ticket {} not pushed: cms.exchange.p12345.feedback-url is not set",
                    event.status(), event.ticketNumber());
            return;
        }
        byte[] body = json.writeValueAsBytes(event);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.feedbackUrl()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, event.eventId())
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, properties.hmacSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException e) {
            failed(event, "unreachable (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")", e);
            return;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing 12345 feedback", e);
        }
        if (response.statusCode() / 100 != 2) {
            failed(event, "answered " + response.statusCode(), null);
            return;
        }
        sent.save(new FeedbackSent(event.eventId(), event.ticketNumber(), event.status(), time.now()));
    }

    /**
     * A refused or failed push: counted (in a transaction of its own, the listener's rolls back),
     * logged as one WARN line and retried by the outbox (it throws {@link RetryLater}); after
     * {@code cms.exchange.p12345.max-attempts} the exchange gives up: one ERROR with the cause, the
     * publication completes, and the event stays in {@code exchange_feedback_attempt} with
     * {@code given_up_at} for an operator.
     */
    private void failed(TicketFeedbackDue event, String what, Exception cause) {
        String failure = "12345 platform " + what;
        int attempts = attempts(event, failure);
        if (attempts >= properties.maxAttempts()) {
            separately.executeWithoutResult(s -> jdbc.update(
                    "update exchange_feedback_attempt set given_up_at = ? where event_id = ?",
                    java.time.LocalDateTime.ofInstant(time.now(), java.time.ZoneOffset.UTC), event.eventId()));
            log.error("12345 feedback {} ({}) of ticket {} given up after {} attempts: {}", event.eventId(),
                    event.status(), event.ticketNumber(), attempts, failure, cause);
            return;
        }
        throw new RetryLater(failure + " to feedback " + event.eventId() + " (" + event.status() + ") of ticket "
                + event.ticketNumber() + ", attempt " + attempts + " of " + properties.maxAttempts());
    }

    private int attempts(TicketFeedbackDue event, String failure) {
        String cut = failure.length() > 500 ? failure.substring(0, 500) : failure;
        return separately.execute(s -> {
            if (jdbc.update("update exchange_feedback_attempt set attempts = attempts + 1, last_failure = ? "
                    + "where event_id = ?", cut, event.eventId()) == 0) {
                try {
                    jdbc.update("insert into exchange_feedback_attempt (event_id, ticket_number, status, attempts, "
                            + "last_failure) values (?, ?, ?, 1, ?)", event.eventId(), event.ticketNumber(),
                            event.status(), cut);
                }
                catch (org.springframework.dao.DuplicateKeyException countedMeanwhile) {
                    jdbc.update("update exchange_feedback_attempt set attempts = attempts + 1, last_failure = ? "
                            + "where event_id = ?", cut, event.eventId());
                }
            }
            return jdbc.queryForObject("select attempts from exchange_feedback_attempt where event_id = ?",
                    Integer.class, event.eventId());
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** Hex HMAC-SHA256 of the body with the shared secret. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
