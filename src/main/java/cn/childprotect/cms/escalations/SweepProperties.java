package cn.childprotect.cms.escalations;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.escalations.*}: a sweep reads at most {@code batch} misses per source
 * ({@link DeadlineSweep}); every {@code fullPass} a source is read from its oldest miss again
 * ({@link SweepCursors}).
 */
@Validated
@ConfigurationProperties("cms.escalations")
record SweepProperties(@DefaultValue("1h") @NotNull Duration fullPass, @DefaultValue("10000") @Positive int batch) {
}
