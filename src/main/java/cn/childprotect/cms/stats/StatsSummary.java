package cn.childprotect.cms.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Measures for a period and a scope (docs/domain.md, "Statistics"): every measure's total (group
 * ""), and, when split, one value per group.
 */
public record StatsSummary(LocalDate from, LocalDate to, String scope, GroupBy by, List<MeasureValue> values) {

    public long count(String measure) {
        return total(measure).map(MeasureValue::count).orElse(0L);
    }

    public long count(String measure, String group) {
        return values.stream().filter(v -> v.measure().equals(measure) && v.group().equals(group))
                .mapToLong(MeasureValue::count).sum();
    }

    public Optional<MeasureValue> total(String measure) {
        return values.stream().filter(v -> v.measure().equals(measure) && v.group().isEmpty()).findFirst();
    }
}
