package cn.childprotect.cms.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.childprotect.cms.shared.BusinessTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the API's bearer tokens: HS256 JWTs with the account's username, the
 * security stamp it was issued under and a short lifetime. The HMAC key is {@code CMS_TOKEN_KEY}
 * (base64 of at least 32 bytes), shared by every instance; only the embedded default may
 * generate one and keep it in {@code ./data/token.key} so that a restart keeps tokens valid.
 */
@Component
class BearerTokens {

    static final String ISSUER = "cms";
    static final String STAMP_CLAIM = "stamp";

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final BusinessTime time;
    private final Duration lifetime;

    BearerTokens(TokenProperties tokens, BusinessTime time) {
        Duration lifetime = tokens.lifetime();
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalStateException("cms.token.lifetime must be between 1 s and 12 h, not " + lifetime);
        }
        SecretKey key = new SecretKeySpec(resolveKey(tokens.key(), tokens.allowGeneratedKey(), tokens.keyFile()), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(time.clock());
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        // the issuer "cms" is not a URL: the default converter tried URI.toURL() on every request and
        // caught the exception it threw (a stack trace per request); kept as the string it is
        this.decoder.setClaimSetConverter(MappedJwtClaimSetConverter
                .withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        this.time = time;
        this.lifetime = lifetime;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(String username, long securityStamp) {
        Instant now = time.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(username).issuedAt(now)
                .expiresAt(now.plus(lifetime)).id(UUID.randomUUID().toString()).claim(STAMP_CLAIM, securityStamp)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static byte[] resolveKey(String configured, boolean allowGenerated, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalStateException("CMS_TOKEN_KEY must be at least 32 bytes, base64-encoded");
            }
            return key;
        }
        if (!allowGenerated) {
            throw new IllegalStateException("CMS_TOKEN_KEY is not set: it is required outside the embedded default "
                    + "and every instance needs the same one (generate it with: openssl rand -base64 32)");
        }
        try {
            if (Files.exists(keyFile)) {
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a local token signing key at {} (embedded default only; set CMS_TOKEN_KEY in production)",
                    keyFile.toAbsolutePath());
            return key;
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read or write the local token key " + keyFile, e);
        }
    }
}
