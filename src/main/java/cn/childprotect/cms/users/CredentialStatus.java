package cn.childprotect.cms.users;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private record Entry(Optional<Snapshot> snapshot, long expiresAtNanos) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final UserAccounts accounts;
    private final BusinessTime time;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CredentialStatus(UserAccounts accounts, BusinessTime time, TokenProperties tokens) {
        this.accounts = accounts;
        this.time = time;
        this.ttlNanos = tokens.statusCache().toNanos();
    }

    Optional<Snapshot> lookup(String username) {
        long now = System.nanoTime();
        Entry entry = cache.get(username);
        if (entry != null && entry.expiresAtNanos() - now > 0) {
            return entry.snapshot();
        }
        Optional<Snapshot> fresh = accounts.findByUsername(username).map(a -> new Snapshot(a.toCurrentUser(),
                a.enabled(), a.lockedUntil(), a.securityStamp(), a.machine()));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(username, new Entry(fresh, now + ttlNanos));
        return fresh;
    }

    /** The snapshot if the account may use a credential now. */
    Optional<Snapshot> usable(String username) {
        return lookup(username).filter(s -> s.usableAt(time.now()));
    }

    /** Forget the account once the current transaction (if any) has committed. */
    void evictAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(username);
                }
            });
        }
        cache.remove(username);
    }
}
