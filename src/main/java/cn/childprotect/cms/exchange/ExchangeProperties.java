package cn.childprotect.cms.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 12345 platform's feedback endpoint and the shared secret of the HMAC signature. With no
 * {@code feedbackUrl}, feedback is not pushed (and logged as skipped).
 */
@ConfigurationProperties("cms.exchange.p12345")
public record ExchangeProperties(String feedbackUrl, String hmacSecret,
        @DefaultValue("10s") Duration timeout) {
}
