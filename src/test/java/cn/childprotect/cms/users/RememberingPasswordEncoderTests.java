package cn.childprotect.cms.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request: a password that matched a moment ago must
 * not cost another bcrypt check, a wrong one must cost one every time, and a changed password
 * (a new hash) must be checked afresh.
 */
class RememberingPasswordEncoderTests {

    /** bcrypt, counting how often it checks a password. */
    static final class CountingEncoder implements PasswordEncoder {

        final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    @Test
    void aMatchedPasswordIsCheckedOnceAWrongOneEveryTime() {
        CountingEncoder bcrypt = new CountingEncoder();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5));
        String hash = encoder.encode("a-Long-pass-123");

        assertThat(encoder.matches("a-Long-pass-123", hash)).isTrue();
        assertThat(encoder.matches("a-Long-pass-123", hash)).isTrue();
        assertThat(encoder.matches("a-Long-pass-123", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        assertThat(encoder.matches("a-Long-pass-124", hash)).isFalse();
        assertThat(encoder.matches("a-Long-pass-124", hash)).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
        assertThat(encoder.matches("", hash)).isFalse();
        assertThat(encoder.matches(null, hash)).isFalse();
    }

    @Test
    void aChangedPasswordHasANewHashAndIsCheckedAfresh() {
        CountingEncoder bcrypt = new CountingEncoder();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, Duration.ofMinutes(5));
        String before = encoder.encode("a-Long-pass-123");
        assertThat(encoder.matches("a-Long-pass-123", before)).isTrue();

        // reset to the same words: a new salt, so nothing remembered applies
        String after = encoder.encode("a-Long-pass-123");
        assertThat(after).isNotEqualTo(before);
        assertThat(encoder.matches("a-Long-pass-123", after)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
        // the old password against the new hash of other words: refused by bcrypt, not by memory
        String other = encoder.encode("b-Other-pass-456");
        assertThat(encoder.matches("a-Long-pass-123", other)).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void withNoMemoryEveryCheckIsBcrypt() {
        CountingEncoder bcrypt = new CountingEncoder();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, Duration.ZERO);
        String hash = encoder.encode("a-Long-pass-123");
        assertThat(encoder.matches("a-Long-pass-123", hash)).isTrue();
        assertThat(encoder.matches("a-Long-pass-123", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
