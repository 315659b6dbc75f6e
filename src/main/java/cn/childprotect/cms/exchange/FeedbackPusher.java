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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a ticket's status to the platform, after the commit that queued it (the event
 * publication registry). Signed: {@code X-12345-Signature: sha256=<hex HMAC-SHA256 of the body>}
 * with the shared secret; {@code X-12345-Event-Id} names the event. A refusal or a network error
 * leaves the publication incomplete, and notifications' OutboxRetry resubmits it with backoff; an
 * event the platform acknowledged is logged and never pushed again.
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

    FeedbackPusher(ExchangeProperties properties, FeedbackSentLog sent, JsonMapper json, BusinessTime time) {
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
            throw new UncheckedIOException("12345 platform unreachable", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing 12345 feedback", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("12345 platform answered " + response.statusCode() + " to event "
                    + event.eventId() + "; the outbox retries it");
        }
        sent.save(new FeedbackSent(event.eventId(), event.ticketNumber(), event.status(), time.now()));
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
