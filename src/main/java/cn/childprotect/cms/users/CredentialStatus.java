package cn.childprotect.cms.users;

import java.time.Instant;
import java.util.Optional;

import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.stereotype.Component;

/**
 * What a bearer token or API key is checked against on every request instead of a password:
 * the account's binding, enabled flag, lock and security stamp, read by primary key and kept
 * for a few seconds. A change on this instance evicts the entry after commit; another
 * instance sees it when its entry expires ({@code cms.token.status-cache}, default 10 s).
 */
@Component
class CredentialStatus {

    /** The account as a credential check needs it. */
    record Snapshot(CurrentUser user, boolean enabled, Instant lockedUntil, long securityStamp, boolean machine) {

        boolean usableAt(Instant now) {
            return enabled && (lockedUntil == null || !lockedUntil.isAfter(now));
        }
    }

    private final UserAccounts accounts;
    private final BusinessTime time;
    private final ShortLivedCache<String, Optional<Snapshot>> cache;

    CredentialStatus(UserAccounts accounts, BusinessTime time, TokenProperties tokens) {
        this.accounts = accounts;
        this.time = time;
        this.cache = new ShortLivedCache<>(tokens.statusCache(), 10_000);
    }

    Optional<Snapshot> lookup(String username) {
        return cache.get(username, name -> accounts.findByUsername(name).map(a -> new Snapshot(a.toCurrentUser(),
                a.enabled(), a.lockedUntil(), a.securityStamp(), a.machine())));
    }

    /** The snapshot if the account may use a credential now. */
    Optional<Snapshot> usable(String username) {
        return lookup(username).filter(s -> s.usableAt(time.now()));
    }

    /** Forget the account once the current transaction (if any) has committed. */
    void evictAfterCommit(String username) {
        cache.evictAfterCommit(username);
    }
}
