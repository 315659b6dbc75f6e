package cn.childprotect.cms.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder with a short memory of successful checks: a password that matched its
 * account's stored hash a moment ago matches again without another bcrypt run (≈85 ms of a core
 * on this project's machine). HTTP Basic clients send the password with every request; without
 * this, each request paid a bcrypt check (README, "Bearer tokens against HTTP Basic").
 *
 * <p>What is kept is an HMAC-SHA256 of the stored hash and the password under a key drawn at
 * start and never written anywhere, not the password. Only matches are kept: a wrong password
 * still costs a full check every time, so guessing is as slow as before and the login throttle
 * counts every failure. A changed password has a new hash (a new salt), so what was kept for the
 * old one is never hit again; a disabled or locked account is refused by the account checks that
 * run on every login, before or after the password. Per instance, bounded, forgotten after
 * {@code cms.security.password-check-memory} (5 minutes; 0 turns it off).
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final ShortLivedCache<String, Boolean> matched;
    private final SecretKeySpec key;
    private final boolean remembering;

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration memory) {
        this.delegate = delegate;
        this.remembering = !memory.isZero() && !memory.isNegative();
        this.matched = new ShortLivedCache<>(memory, 10_000); // not asked when not remembering
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (!remembering || rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String check = fingerprint(rawPassword, encodedPassword);
        if (matched.fresh(check).isPresent()) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(check, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
