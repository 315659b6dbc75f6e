package cn.childprotect.cms.people;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.pii.*}: the master key of ID and phone encryption and look-up hashes (base64 of 32
 * random bytes, CMS_PII_KEY); without one, a generated key kept in {@code keyFile} only where
 * {@code allowGeneratedKey} (the embedded default, not the mysql profile). A wrong key is told by
 * {@link PiiKeyFailureAnalyzer}.
 */
@Validated
@ConfigurationProperties("cms.pii")
record PiiProperties(@DefaultValue("") String key, @DefaultValue("false") boolean allowGeneratedKey,
        @DefaultValue("./data/pii.key") @NotNull Path keyFile) {
}
