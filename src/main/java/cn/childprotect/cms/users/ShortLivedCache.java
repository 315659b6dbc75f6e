package cn.childprotect.cms.users;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this instance read of accounts, kept for a few seconds ({@code cms.token.status-cache}): a
 * change made here is forgotten after its transaction completes, a change on another instance is
 * seen when the entry expires. Bounded: at {@code maxEntries} it starts afresh.
 */
final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ShortLivedCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - now > 0) {
            return entry.value();
        }
        V fresh = load.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(fresh, now + ttlNanos));
        return fresh;
    }

    /** The value kept for the key, if it has not expired. */
    java.util.Optional<V> fresh(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.expiresAtNanos() - System.nanoTime() > 0 ? java.util.Optional.of(entry.value())
                : java.util.Optional.empty();
    }

    /** Keeps the value for the key (for the cache's time to live). */
    void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    /** Forget the key now and once the current transaction (if any) has completed. */
    void evictAfterCommit(K key) {
        afterCompletion(() -> entries.remove(key));
    }

    /** Forget everything now and once the current transaction (if any) has completed. */
    void clearAfterCommit() {
        afterCompletion(entries::clear);
    }

    private static void afterCompletion(Runnable forget) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
        forget.run();
    }
}
