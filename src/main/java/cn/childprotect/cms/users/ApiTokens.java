package cn.childprotect.cms.users;

import java.time.Duration;

import cn.childprotect.cms.shared.AuditEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * Exchanges a username and password for a short-lived bearer token: one password check per
 * token instead of one per request. The check goes through the same authentication manager
 * as a login, so lock-out, throttling and the audit of failures apply unchanged.
 */
@Service
public class ApiTokens {

    /** A token as the API returns it (OAuth 2 names, RFC 6749 §5.1). */
    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    private final AuthenticationConfiguration authentication;
    private final BearerTokens tokens;
    private final CredentialStatus status;
    private final ApplicationEventPublisher events;

    ApiTokens(AuthenticationConfiguration authentication, BearerTokens tokens, CredentialStatus status,
            ApplicationEventPublisher events) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.status = status;
        this.events = events;
    }

    /**
     * @throws AuthenticationException for a wrong password, a locked, disabled or machine account
     */
    public IssuedToken issue(String username, String password) {
        Authentication result = manager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                password));
        String name = result.getName();
        // the stamp comes from the row just read; the cache may be a few seconds old, so read it again
        status.evictAfterCommit(name);
        CredentialStatus.Snapshot account = status.lookup(name)
                .orElseThrow(() -> new org.springframework.security.authentication.BadCredentialsException("gone"));
        if (account.machine()) {
            throw new org.springframework.security.authentication.DisabledException("machine accounts use API keys");
        }
        Duration lifetime = tokens.lifetime();
        events.publishEvent(AuditEvent.success(name, "TOKEN_ISSUED", "USER", name)
                .withDetail("valid " + lifetime.toMinutes() + " min"));
        return new IssuedToken(tokens.issue(name, account.securityStamp()), "Bearer", lifetime.toSeconds());
    }

    private AuthenticationManager manager() {
        try {
            return authentication.getAuthenticationManager();
        }
        catch (Exception e) {
            throw new IllegalStateException("no authentication manager", e);
        }
    }
}
