package cn.childprotect.cms.users;

import java.time.Duration;
import java.util.Set;

import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.events.UserAccessChanged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins and locks an account for a while after too many (default 5 failures,
 * 15 minutes); audits browser logins and every failure. The counter is updated with atomic SQL
 * so that failures on several instances all count.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(UserAccounts accounts, TransactionTemplate tx, ApplicationEventPublisher events,
            BusinessTime time, @Value("${cms.security.max-failed-logins:5}") int maxFailures,
            @Value("${cms.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.tx = tx;
        this.events = events;
        this.time = time;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CmsUserDetails details && details.hadFailedLogins()) {
            tx.executeWithoutResult(status -> accounts.resetFailedLogins(details.getUsername()));
        }
    }

    @EventListener
    void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        tx.executeWithoutResult(status -> events.publishEvent(AuditEvent.success(username, "LOGIN", "USER", username)));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String reason = event.getException().getClass().getSimpleName();
        tx.executeWithoutResult(status -> {
            String detail = reason;
            if (event instanceof AuthenticationFailureBadCredentialsEvent && accounts.countFailedLogin(username) > 0) {
                if (accounts.lockIfOverThreshold(username, maxFailures, time.now().plus(lockout)) > 0) {
                    detail = reason + "; account locked for " + lockout.toMinutes() + " min";
                    events.publishEvent(new AuditEvent("system", "ACCOUNT_LOCKED", "USER", username, "SUCCESS",
                            maxFailures + " failed logins"));
                    events.publishEvent(new UserAccessChanged(username, Set.of(UserAccessChanged.Change.LOCKED),
                            "system"));
                }
            }
            else if (event instanceof AuthenticationFailureLockedEvent) {
                detail = "account is locked";
            }
            events.publishEvent(new AuditEvent(truncate(username), "LOGIN", "USER", truncate(username), "FAILURE",
                    detail));
        });
    }

    private static String truncate(String value) {
        if (value == null) {
            return "?";
        }
        return value.length() > 50 ? value.substring(0, 50) : value;
    }
}
