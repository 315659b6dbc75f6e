package cn.childprotect.cms.jurisdictions;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code cms.seed.jurisdictions}: the CSV of administrative divisions loaded at start ({@link JurisdictionSeed}). */
@Validated
@ConfigurationProperties("cms.seed")
record JurisdictionSeedProperties(@NotNull Path jurisdictions) {
}
