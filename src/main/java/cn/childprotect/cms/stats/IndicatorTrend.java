package cn.childprotect.cms.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of 预警 (docs/domain.md, "Statistics"): a least-squares line through the monthly
 * values (month 1..12 of the year; months without a value are left out) gives the year-end value
 * (month 12); with fewer than three monthly values there is no projection. Warnings:
 * {@code PROJECTED_MISS} when the projection misses the target in the indicator's direction,
 * {@code VOLATILE} when the monthly values span more than the indicator's band.
 */
final class IndicatorTrend {

    static final String PROJECTED_MISS = "PROJECTED_MISS";
    static final String VOLATILE = "VOLATILE";
    static final int MIN_MONTHS = 3;

    private IndicatorTrend() {
    }

    /** {@code monthly[i]} is the value of month i + 1, or null. */
    static Double projection(Double[] monthly) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < monthly.length; i++) {
            if (monthly[i] != null) {
                points.add(new double[] { i + 1, monthly[i] });
            }
        }
        if (points.size() < MIN_MONTHS) {
            return null;
        }
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            return sy / n;
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        return intercept + slope * 12;
    }

    static List<String> warnings(IndicatorDefinitions.Definition definition, Double[] monthly, Double projection) {
        List<String> warnings = new ArrayList<>();
        if (projection != null && !definition.meets(projection)) {
            warnings.add(PROJECTED_MISS);
        }
        if (definition.band() != null) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int count = 0;
            for (Double v : monthly) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    count++;
                }
            }
            if (count >= 2 && max - min > definition.band()) {
                warnings.add(VOLATILE);
            }
        }
        return warnings;
    }
}
