package cn.childprotect.cms.users;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.token.*}: bearer tokens of API clients. {@code key} is base64 of at least 32 random
 * bytes (the same on every instance); without one, a generated key kept in {@code keyFile} only
 * where {@code allowGeneratedKey} (the embedded default, not the mysql profile). The lifetime's
 * range (1 s to 12 h) is checked by {@link BearerTokens}, whose message names the property.
 */
@Validated
@ConfigurationProperties("cms.token")
record TokenProperties(@DefaultValue("") String key, @DefaultValue("false") boolean allowGeneratedKey,
        @DefaultValue("./data/token.key") @NotNull Path keyFile, @DefaultValue("30m") @NotNull Duration lifetime,
        /** how long an instance trusts its cached view of an account (disabled, re-roled ...) */
        @DefaultValue("10s") @NotNull Duration statusCache) {
}
