package cn.childprotect.cms.shared.deadlines;

import java.time.Instant;
import java.util.Comparator;

/**
 * Where a miss stands in a source's reading order: by deadline, then by source id. The sweep reads
 * a source "after" a key (keyset), so a backlog larger than one read is worked through in later
 * sweeps instead of the same oldest rows being read again and again.
 */
public record DeadlineKey(Instant deadline, long sourceId) implements Comparable<DeadlineKey> {

    private static final Comparator<DeadlineKey> ORDER = Comparator.comparing(DeadlineKey::deadline)
            .thenComparingLong(DeadlineKey::sourceId);

    /** Before every stored deadline: reading after it reads from the oldest miss. */
    public static final DeadlineKey START = new DeadlineKey(Instant.EPOCH, 0);

    @Override
    public int compareTo(DeadlineKey other) {
        return ORDER.compare(this, other);
    }
}
