package cn.childprotect.cms.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.stereotype.Service;

/**
 * Measures for any period and scope (docs/domain.md, "Statistics"): read from the daily rollup,
 * scoped to the caller inside the query — a child director sees their village, a township
 * supervisor their township, the county everything; a scope outside the caller's is "not found",
 * a role without statistics is "not allowed".
 */
@Service
public class StatsMeasures {

    /** The longest period one query may span (a planning cycle of ten years). */
    static final long MAX_DAYS = 3_700;

    private final StatsRollup rollup;
    private final BusinessTime time;

    StatsMeasures(StatsRollup rollup, BusinessTime time) {
        this.rollup = rollup;
        this.time = time;
    }

    /** Who may read statistics, and from which division down. */
    public JurisdictionScope scopeFor(CurrentUser user, String requested) {
        if (user == null || !(user.is(Role.SUPERVISOR) || user.is(Role.CHILD_DIRECTOR))) {
            throw Refusal.notAllowed("stats.not-allowed");
        }
        JurisdictionScope own = user.scope();
        if (requested == null || requested.isBlank()) {
            return own;
        }
        String code = requested.strip();
        JurisdictionScope asked;
        if (code.matches("\\d{6}|\\d{9}")) {
            asked = new JurisdictionScope(code);
        }
        else if (code.matches("\\d{12}")) {
            asked = JurisdictionScope.of(code);
        }
        else {
            throw Refusal.invalidField("scope", "stats.scope.invalid");
        }
        if (!asked.prefix().startsWith(own.prefix())) {
            throw Refusal.notFound("stats.scope.not-found");
        }
        return asked;
    }

    /** The period a query means: both ends inclusive; by default this year up to today. */
    public Period periodOf(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            throw Refusal.invalidField("from", "stats.period.reversed");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw Refusal.invalidField("from", "stats.period.too-long");
        }
        return new Period(start, end);
    }

    LocalDate today() {
        return time.today();
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public StatsSummary summary(LocalDate from, LocalDate to, String scope, GroupBy by, CurrentUser user) {
        JurisdictionScope where = scopeFor(user, scope);
        Period period = periodOf(from, to);
        return summaryIn(period, where, by, null);
    }

    /** For this module's indicators, exports and reports, after {@link #scopeFor} checked the caller. */
    StatsSummary summaryIn(Period period, JurisdictionScope where, GroupBy by, List<String> measures) {
        List<StatsRollup.Row> rows = rollup.read(period.from(), period.to(), where.prefix(), by, measures);
        Map<String, Map<String, NavigableMap<Long, Long>>> histograms = new TreeMap<>();
        for (StatsRollup.Row row : rows) {
            if (row.n() == 0) {
                continue;
            }
            String group = by == GroupBy.MONTH ? monthLabel(row.group()) : row.group();
            Map<String, NavigableMap<Long, Long>> perGroup = histograms.computeIfAbsent(row.measure(),
                    m -> new TreeMap<>());
            perGroup.computeIfAbsent("", g -> new TreeMap<>()).merge(row.bucket(), row.n(), Long::sum);
            // facts without a value of the dimension (no institution, no agency) count in the total only:
            // the group "" is the total
            if (by != null && !group.isEmpty()) {
                perGroup.computeIfAbsent(group, g -> new TreeMap<>()).merge(row.bucket(), row.n(), Long::sum);
            }
        }
        List<MeasureValue> values = new ArrayList<>();
        histograms.forEach((measure, perGroup) -> perGroup.forEach((group, histogram) -> {
            long count = histogram.values().stream().mapToLong(Long::longValue).sum();
            boolean duration = histogram.firstKey() >= 0;
            values.add(new MeasureValue(measure, group, count,
                    duration ? DurationBuckets.percentile(histogram, 0.5) : null,
                    duration ? DurationBuckets.percentile(histogram, 0.9) : null));
        }));
        values.sort(Comparator.comparing(MeasureValue::measure).thenComparing(MeasureValue::group));
        return new StatsSummary(period.from(), period.to(), where.prefix(), by, List.copyOf(values));
    }

    private static String monthLabel(String yyyymm) {
        if (yyyymm != null && yyyymm.matches("\\d{6}")) {
            return yyyymm.substring(0, 4) + "-" + yyyymm.substring(4);
        }
        return yyyymm;
    }

    /** Monthly counts of the given measures in a period, month label → measure → count. */
    Map<String, Map<String, Long>> monthly(Period period, JurisdictionScope where, List<String> measures) {
        Map<String, Map<String, Long>> byMonth = new LinkedHashMap<>();
        for (MeasureValue v : summaryIn(period, where, GroupBy.MONTH, measures).values()) {
            if (!v.group().isEmpty()) {
                byMonth.computeIfAbsent(v.group(), m -> new TreeMap<>()).put(v.measure(), v.count());
            }
        }
        return byMonth;
    }

    /** Takes the pending changes into the rollup now (tests, and after a bulk import); false if another instance is at it. */
    public boolean refreshNow() {
        return rollup.refreshNow();
    }

    /** Rebuilds the rollup from every source, from scratch; county supervisors and administrators only. */
    public RebuildSummary rebuild(CurrentUser user) {
        boolean county = user != null && user.is(Role.SUPERVISOR) && user.scope().prefix().length() == 6;
        if (user == null || !(county || user.is(Role.ADMIN))) {
            throw Refusal.notAllowed("stats.rebuild.not-allowed");
        }
        StatsRollup.RebuildResult result = rollup.rebuild();
        if (result == null) {
            throw Refusal.invalidState(ProblemTypes.CONFLICT, "stats.rebuild.busy");
        }
        return new RebuildSummary(rollup.sourceNames().stream().toList(), result.subjects(), result.facts(),
                result.millis());
    }

    public record RebuildSummary(List<String> sources, long subjects, long facts, long millis) {
    }
}
