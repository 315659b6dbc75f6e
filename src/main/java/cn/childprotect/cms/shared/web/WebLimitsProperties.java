package cn.childprotect.cms.shared.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web layer's limits: {@code cms.api.max-body-size} and {@code cms.api.max-upload-size} (for
 * file uploads; a larger request body is refused with 413, {@link RequestSizeLimitFilter}) and {@code cms.database.retry-after} (the Retry-After of a
 * 503 answered on a transient database failure, {@link ServiceUnavailable}).
 */
final class WebLimitsProperties {

    private WebLimitsProperties() {
    }

    @Validated
    @ConfigurationProperties("cms.api")
    record Api(@DefaultValue("256KB") @NotNull DataSize maxBodySize,
            @DefaultValue("20MB") @NotNull DataSize maxUploadSize) {
    }

    @Validated
    @ConfigurationProperties("cms.database")
    record Database(@DefaultValue("2s") @NotNull Duration retryAfter) {
    }
}
