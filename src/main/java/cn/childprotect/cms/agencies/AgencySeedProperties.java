package cn.childprotect.cms.agencies;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code cms.seed.agencies}: the CSV of cooperating agencies added at start ({@link AgencySeed}). */
@Validated
@ConfigurationProperties("cms.seed")
record AgencySeedProperties(@NotNull Path agencies) {
}
