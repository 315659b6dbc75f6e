package cn.childprotect.cms.stats;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Duration samples are kept in the rollup as a histogram, so that a median over a million cases
 * is read from a few hundred rows (docs/domain.md, "Statistics"). Resolution: the exact minute
 * below 2 hours, 5 minutes below a day, the hour below 30 days, then the day. A percentile is the
 * nearest-rank sample's bucket, reported as the bucket's lower bound.
 */
final class DurationBuckets {

    /** The bucket of a count fact (no duration). */
    static final long COUNT = -1;

    private DurationBuckets() {
    }

    static long bucketOf(Long minutes) {
        if (minutes == null) {
            return COUNT;
        }
        long m = Math.max(0, minutes);
        if (m < 120) {
            return m;
        }
        if (m < 1_440) {
            return m - m % 5;
        }
        if (m < 43_200) {
            return m - m % 60;
        }
        return m - m % 1_440;
    }

    /** Nearest-rank percentile ({@code p} in (0, 1]) of a histogram bucket → count; null when empty. */
    static Long percentile(NavigableMap<Long, Long> histogram, double p) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Long, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }
}
