package cn.childprotect.cms.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.stats.StatsSnapshotSource;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Indicators with targets and 预警 (docs/domain.md, "Statistics"): config/indicators.yml over the
 * measures of {@link StatsMeasures}, for a year and a scope, scoped to the caller.
 */
@Service
public class StatsIndicators {

    private final IndicatorDefinitions definitions;
    private final StatsMeasures measures;
    private final BusinessTime time;
    private final MessageSource messages;
    private final List<StatsSnapshotSource> snapshots;

    StatsIndicators(IndicatorDefinitions definitions, StatsMeasures measures, BusinessTime time, MessageSource messages,
            List<StatsSnapshotSource> snapshots) {
        this.definitions = definitions;
        this.measures = measures;
        this.time = time;
        this.messages = messages;
        this.snapshots = snapshots;
    }

    public record IndicatorReport(int year, String scope, List<IndicatorValue> indicators) {
    }

    /** The year's indicators (Jan 1 to today, or the whole year if past) in the scope; default this year. */
    public IndicatorReport indicators(Integer year, String scope, CurrentUser user) {
        JurisdictionScope where = measures.scopeFor(user, scope);
        int y = year == null ? time.today().getYear() : year;
        if (y < 2000 || y > time.today().getYear()) {
            throw Refusal.invalidField("year", "stats.year.invalid");
        }
        return new IndicatorReport(y, where.prefix(), evaluate(y, where));
    }

    List<IndicatorValue> evaluate(int year, JurisdictionScope where) {
        LocalDate today = time.today();
        LocalDate end = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        StatsMeasures.Period period = new StatsMeasures.Period(LocalDate.of(year, 1, 1), end);
        StatsMeasures.Period previous = new StatsMeasures.Period(LocalDate.of(year - 1, 1, 1),
                LocalDate.of(year - 1, 12, 31));
        Set<String> needed = new LinkedHashSet<>();
        definitions.indicators().forEach(d -> needed.addAll(d.parsed().measures()));
        List<String> measureList = List.copyOf(needed);
        Map<String, Long> totals = totals(measures.summaryIn(period, where, null, measureList));
        if (year == today.getYear()) {
            // a state, not events: only "now" is known (no earlier year, no monthly trend)
            snapshots.stream().filter(s -> s.measures().stream().anyMatch(needed::contains))
                    .forEach(s -> totals.putAll(s.countsNow(where.prefix())));
        }
        Map<String, Long> lastYear = totals(measures.summaryIn(previous, where, null, measureList));
        Map<String, Map<String, Long>> monthly = measures.monthly(period, where, measureList);
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorDefinitions.Definition d : definitions.indicators()) {
            Formula formula = d.parsed();
            Double[] byMonth = new Double[12];
            List<IndicatorValue.MonthValue> months = new ArrayList<>();
            for (int m = 1; m <= end.getMonthValue(); m++) {
                String label = YearMonth.of(year, m).toString();
                byMonth[m - 1] = formula.evaluate(monthly.getOrDefault(label, Map.of()));
                months.add(new IndicatorValue.MonthValue(label, byMonth[m - 1]));
            }
            Double projection = IndicatorTrend.projection(byMonth);
            List<IndicatorValue.Warning> warnings = IndicatorTrend.warnings(d, byMonth, projection).stream()
                    .map(w -> new IndicatorValue.Warning(w, text("stats.warning." + w)))
                    .toList();
            values.add(new IndicatorValue(d.code(), text("stats.indicator." + d.code()), d.formula(), d.target(),
                    d.direction(), formula.evaluate(totals), formula.evaluate(lastYear), List.copyOf(months),
                    projection, warnings));
        }
        return values;
    }

    private static Map<String, Long> totals(StatsSummary summary) {
        Map<String, Long> counts = new HashMap<>();
        summary.values().stream().filter(v -> v.group().isEmpty()).forEach(v -> counts.put(v.measure(), v.count()));
        return counts;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
