package cn.childprotect.cms.users;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: long enough, not the username (nor containing it), and not one
 * of the common passwords shipped in {@code security/common-passwords.txt} (compared without
 * case). Applies to account creation and every password change.
 */
@Component
class PasswordPolicy {

    /** A failed rule: the message code and its arguments. */
    record Violation(String code, Object... args) {
    }

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(AccountSecurityProperties security) {
        this.minLength = security.passwordMinLength();
        try (InputStream in = new ClassPathResource("security/common-passwords.txt").getInputStream()) {
            this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read security/common-passwords.txt", e);
        }
    }

    int minLength() {
        return minLength;
    }

    Optional<Violation> check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of(new Violation("cms.password.too-short", minLength));
        }
        if (password.length() > 100) {
            return Optional.of(new Violation("cms.password.too-long", 100));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation("cms.password.contains-username"));
        }
        if (common.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of(new Violation("cms.password.common"));
        }
        return Optional.empty();
    }
}
