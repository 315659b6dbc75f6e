package cn.childprotect.cms.notifications;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.outbox.*}: the back-off of a failed listener's retry ({@link OutboxRetry}: the base
 * doubles up to the maximum; tests set the base to 0) and when an event counts as abandoned by
 * its instance ({@link OutboxRecovery}). The schedules' intervals ({@code retry-interval},
 * {@code recovery-initial-delay}, {@code recovery-interval}) are read by the {@code @Scheduled}
 * annotations themselves.
 */
@Validated
@ConfigurationProperties("cms.outbox")
record OutboxProperties(@DefaultValue("30s") @NotNull Duration retryBase, @DefaultValue("1h") @NotNull Duration retryMax,
        @DefaultValue @Valid AbandonedAfter abandonedAfter) {

    /** Waited for its listener ({@code published}), or its listener has run ({@code processing}), this long. */
    record AbandonedAfter(@DefaultValue("1m") @NotNull Duration published,
            @DefaultValue("3m") @NotNull Duration processing) {
    }
}
