package cn.childprotect.cms.stats;

/**
 * One measure for one group ({@code group} empty for the total): {@code count} is the number of
 * facts; for a duration measure also its median and 90th percentile in minutes (null otherwise).
 */
public record MeasureValue(String measure, String group, long count, Long medianMinutes, Long p90Minutes) {
}
