package cn.childprotect.cms.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 12345 platform's feedback endpoint and the shared secret of the HMAC signature. With no
 * {@code feedbackUrl}, feedback is not pushed (and logged as skipped). {@code maxAttempts}: pushes
 * of one status before the exchange gives up on it (with the outbox's backoff, 30 s doubling up to
 * 1 h, 20 attempts span about 14 hours).
 */
@ConfigurationProperties("cms.exchange.p12345")
public record ExchangeProperties(String feedbackUrl, String hmacSecret,
        @DefaultValue("10s") Duration timeout, @DefaultValue("20") int maxAttempts) {
}
