package cn.childprotect.cms.stats;

import java.util.List;

/**
 * An indicator for a year and a scope (docs/domain.md, "Statistics"): its value over the year so
 * far ({@code actual}), last year's, the monthly values, the year-end value projected from the
 * monthly trend, and the warnings (预警) with their texts. Values are null where undefined
 * (nothing to divide by).
 */
public record IndicatorValue(String code, String name, String formula, double target,
        IndicatorDefinitions.Direction direction, Double actual, Double lastYear, List<MonthValue> months,
        Double projection, List<Warning> warnings) {

    public record MonthValue(String month, Double value) {
    }

    public record Warning(String code, String text) {
    }

    public boolean warned() {
        return !warnings.isEmpty();
    }
}
