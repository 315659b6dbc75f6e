package cn.childprotect.cms.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Duration samples are kept in the rollup as a histogram of a few dozen log-spaced buckets, so that
 * a median over a million cases is read from a few dozen rows per day and village, however many
 * cases there are (docs/domain.md, "Statistics"). A bucket is named by its lower bound in minutes:
 * 0, 1, 2, 3, 5, 10, 15, 20, 30, 45 min; 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72 h; 4, 5, 7,
 * 10, 14, 21, 30, 45, 60, 90, 180, 365 days. A percentile is the nearest-rank sample's bucket,
 * reported as the bucket's lower bound (no interpolation): it is never above the true value and at
 * most one bucket width below it (e.g. a true 100 min is reported as 90, a true 50 h as 48 h).
 */
final class DurationBuckets {

    /** The bucket of a count fact (no duration). */
    static final long COUNT = -1;

    private static final long HOUR = 60;
    private static final long DAY = 1_440;

    /** Lower bounds in minutes, ascending. */
    static final long[] BOUNDS = {
        0, 1, 2, 3, 5, 10, 15, 20, 30, 45,
        HOUR, 90, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR, 16 * HOUR, 24 * HOUR, 36 * HOUR,
        48 * HOUR, 72 * HOUR,
        4 * DAY, 5 * DAY, 7 * DAY, 10 * DAY, 14 * DAY, 21 * DAY, 30 * DAY, 45 * DAY, 60 * DAY, 90 * DAY, 180 * DAY,
        365 * DAY };

    private DurationBuckets() {
    }

    static long bucketOf(Long minutes) {
        if (minutes == null) {
            return COUNT;
        }
        long m = Math.max(0, minutes);
        int i = Arrays.binarySearch(BOUNDS, m);
        return i >= 0 ? BOUNDS[i] : BOUNDS[-i - 2];
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
