package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The rollup's duration buckets and the percentile read from them (docs/domain.md, "Statistics"). */
class DurationBucketsTests {

    @Test
    void aDurationFallsIntoTheBucketOfTheBoundBelowIt() {
        assertThat(DurationBuckets.bucketOf(null)).isEqualTo(DurationBuckets.COUNT);
        assertThat(DurationBuckets.bucketOf(-5L)).isZero();
        assertThat(DurationBuckets.bucketOf(0L)).isZero();
        assertThat(DurationBuckets.bucketOf(4L)).isEqualTo(3);
        assertThat(DurationBuckets.bucketOf(45L)).isEqualTo(45);
        assertThat(DurationBuckets.bucketOf(100L)).isEqualTo(90); // 1 h 40 min → 1.5 h
        assertThat(DurationBuckets.bucketOf(1_439L)).isEqualTo(960); // 23 h 59 min → 16 h
        assertThat(DurationBuckets.bucketOf(3_000L)).isEqualTo(2_880); // 50 h → 48 h
        assertThat(DurationBuckets.bucketOf(9L * 1_440)).isEqualTo(7L * 1_440); // 9 days → 7 days
        assertThat(DurationBuckets.bucketOf(400L * 1_440)).isEqualTo(365L * 1_440);
        assertThat(DurationBuckets.BOUNDS).hasSize(35).isSorted();
    }

    @Test
    void aPercentileIsTheLowerBoundOfTheNearestRanksBucket() {
        // samples 4, 12, 13, 100, 200 min → buckets 3, 10, 10, 90, 180
        NavigableMap<Long, Long> histogram = new TreeMap<>();
        for (long minutes : new long[] { 4, 12, 13, 100, 200 }) {
            histogram.merge(DurationBuckets.bucketOf(minutes), 1L, Long::sum);
        }
        // median: rank ceil(2.5) = 3, the sample 13 → 10; p90: rank ceil(4.5) = 5, the sample 200 → 180
        assertThat(DurationBuckets.percentile(histogram, 0.5)).isEqualTo(10);
        assertThat(DurationBuckets.percentile(histogram, 0.9)).isEqualTo(180);
        assertThat(DurationBuckets.percentile(new TreeMap<>(), 0.5)).isNull();
    }
}
