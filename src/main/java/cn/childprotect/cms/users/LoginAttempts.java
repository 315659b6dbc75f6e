package cn.childprotect.cms.users;

import java.time.Duration;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed password logins and audits them with the client address. Throttling is per
 * account and client address and per client address ({@link LoginThrottle}), so a stranger
 * cannot lock an account out everywhere by guessing from one place; the account as a whole is
 * locked only after {@code max-failed-logins-per-account} failures (default 50, from many
 * addresses), for {@code lockout} (15 minutes). Counters are updated with atomic SQL so that
 * failures on several instances all count. Only password logins count here: a bad bearer token
 * or API key is a refusal (audited by {@link RefusalAudit}), not a guess at a password.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final int maxFailuresPerAccount;
    private final Duration lockout;

    LoginAttempts(UserAccounts accounts, LoginThrottle throttle, TransactionTemplate tx,
            ApplicationEventPublisher events, BusinessTime time, AccountSecurityProperties security) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.tx = tx;
        this.events = events;
        this.time = time;
        this.maxFailuresPerAccount = security.maxFailedLoginsPerAccount();
        this.lockout = security.lockout();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CmsUserDetails details && details.hadFailedLogins()) {
            String address = LoginThrottle.clientAddress();
            tx.executeWithoutResult(status -> {
                accounts.resetFailedLogins(details.getUsername());
                throttle.recordSuccess(details.getUsername(), address);
            });
        }
    }

    @EventListener
    void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        tx.executeWithoutResult(status -> events.publishEvent(AuditEvent.success(username, "LOGIN", "USER", username)));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = truncate(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName();
        String address = LoginThrottle.clientAddress();
        tx.executeWithoutResult(status -> {
            String detail = reason;
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                switch (throttle.recordFailure(username, address)) {
                    case ACCOUNT_ADDRESS_BLOCKED -> {
                        detail = reason + "; this address is blocked for this account for " + lockout.toMinutes() + " min";
                        events.publishEvent(new AuditEvent("system", "LOGIN_THROTTLED", "USER", username, "SUCCESS",
                                "account and address " + address));
                    }
                    case ADDRESS_BLOCKED -> {
                        detail = reason + "; this address is blocked for " + lockout.toMinutes() + " min";
                        events.publishEvent(new AuditEvent("system", "LOGIN_THROTTLED", "ADDRESS", truncate(address),
                                "SUCCESS", "address " + address));
                    }
                    default -> {
                    }
                }
                if (accounts.countFailedLogin(username) > 0
                        && accounts.lockIfOverThreshold(username, maxFailuresPerAccount, time.now().plus(lockout)) > 0) {
                    detail = reason + "; account locked for " + lockout.toMinutes() + " min";
                    events.publishEvent(new AuditEvent("system", "ACCOUNT_LOCKED", "USER", username, "SUCCESS",
                            maxFailuresPerAccount + " failed logins from all addresses"));
                    // no UserAccessChanged here: ending the sessions on an automatic lock-out would let
                    // anyone who knows a username log its owner out by failing logins on purpose
                }
            }
            else if (event instanceof AuthenticationFailureLockedEvent) {
                detail = "account is locked or this address is throttled";
            }
            events.publishEvent(new AuditEvent(username, "LOGIN", "USER", username, "FAILURE", detail));
        });
    }

    private static String truncate(String value) {
        if (value == null) {
            return "?";
        }
        return value.length() > 50 ? value.substring(0, 50) : value;
    }
}
