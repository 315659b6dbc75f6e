package cn.childprotect.cms.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import cn.childprotect.cms.stats.GroupBy;
import cn.childprotect.cms.stats.StatsMeasures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark ({@code ./mvnw -Pbench verify -Dtest=StatsSummaryBenchmark}, MYSQL_URL of a
 * database of its own — it empties the stats tables). Writes the daily and monthly rollup that 10,000 and then
 * 1,000,000 cases of one year would leave (each case: its report, opening, acceptance time and SLA,
 * half closed with a closure time, a tenth emergencies; skewed categories, channels matching the
 * reporter, six villages in two townships), and times {@link StatsMeasures#summary} — the summary
 * endpoint without HTTP and the password check — for the queries the dashboard makes. Prints p50/p95
 * at both sizes and their ratio. Asserts nothing about time.
 */
class StatsSummaryBenchmark extends IntegrationTest {

    static final int SMALL = Integer.getInteger("bench.small", 10_000);
    static final int LARGE = Integer.getInteger("bench.cases", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 50);
    static final String[] VILLAGES = SweepBenchmark.VILLAGES;
    static final String[] CATEGORIES = { "MR04", "MR04", "MR04", "LB01", "LB01", "BL01", "GD04", "MR06", "MR09", "MR01",
            "GD02", "CS01" };
    static final String[] INSTITUTIONS = { "SCHOOL", "SCHOOL", "MEDICAL", "VILLAGE_COMMITTEE", "CHILDCARE" };
    static final String[] STATES = { "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "SUPPORTING", "SUPPORTING",
            "HANDLING", "ASSESSING", "RECEIVED", "SCREENED_OUT", "EMERGENCY" };
    static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatsMeasures measures;

    final CurrentUser county = new CurrentUser("bench-county", "county", Role.SUPERVISOR, "141029000000", null, null, null);
    final CurrentUser township = new CurrentUser("bench-sup", "township", Role.SUPERVISOR, "141029100000", null, null, null);
    final CurrentUser director = new CurrentUser("bench-dir", "director", Role.CHILD_DIRECTOR, "141029100002", null, null,
            null);

    @Test
    void summaryAtTenThousandAndAMillionCases() {
        Assumptions.assumeTrue(TestDatabase.isRealMySql(), "the benchmark needs MYSQL_URL (MySQL or MariaDB)");
        long smallRows = fill(SMALL);
        String smallTables = rowCounts();
        measureAll();
        Map<String, double[]> small = measureAll();
        System.out.println("stats bench: " + SMALL + " cases measured, filling " + LARGE);
        long started = System.nanoTime();
        long largeRows = fill(LARGE);
        String largeTables = rowCounts();
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        measureAll();
        System.out.println("stats bench: " + LARGE + " cases filled, measuring");
        Map<String, double[]> large = measureAll();
        StringBuilder out = new StringBuilder("\n===== stats summary benchmark =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format("cases: %,d (%,d rollup rows: %s) then %,d (%,d rows: %s, written in %.1f s);"
                + " %d timed calls each%n", SMALL, smallRows, smallTables, LARGE, largeRows, largeTables, fillSeconds, RUNS));
        out.append(String.format("%-42s %9s %9s %9s %9s %7s%n", "query", "p50 10k", "p95 10k", "p50 1M", "p95 1M", "ratio"));
        small.forEach((name, s) -> {
            double[] l = large.get(name);
            out.append(String.format("%-42s %7.1fms %7.1fms %7.1fms %7.1fms %7.2f%n", name, s[0], s[1], l[0], l[1],
                    l[1] / s[1]));
        });
        System.out.println(out);
    }

    Map<String, double[]> measureAll() {
        LocalDate from = YEAR_START;
        LocalDate to = YEAR_START.plusYears(1).minusDays(1);
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("county, year, totals", time(() -> measures.summary(from, to, null, null, county)));
        results.put("county, year, by township", time(() -> measures.summary(from, to, null, GroupBy.TOWNSHIP, county)));
        results.put("county, year, by month", time(() -> measures.summary(from, to, null, GroupBy.MONTH, county)));
        results.put("county, year, by category", time(() -> measures.summary(from, to, null, GroupBy.CATEGORY, county)));
        results.put("township, year, by village", time(() -> measures.summary(from, to, null, GroupBy.VILLAGE, township)));
        results.put("village, one month, totals", time(() -> measures.summary(LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 30), null, null, director)));
        return results;
    }

    double[] time(Supplier<?> call) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1] };
    }

    /** The daily and monthly rollup of {@code cases} synthetic cases (as a rebuild would write it); returns its rows. */
    long fill(int cases) {
        Map<List<Object>, long[]> daily = new HashMap<>();
        for (int id = 0; id < cases; id++) {
            SplittableRandom r = new SplittableRandom(id * 7919L + 13);
            LocalDate day = YEAR_START.plusDays(r.nextInt(365));
            String village = VILLAGES[r.nextInt(VILLAGES.length)];
            String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
            boolean institution = r.nextInt(3) == 0;
            String inst = institution ? INSTITUTIONS[r.nextInt(INSTITUTIONS.length)] : "";
            String channel = institution ? "INSTITUTION" : r.nextInt(5) == 0 ? "REFERRAL_12345" : "HOTLINE";
            String state = STATES[r.nextInt(STATES.length)];
            add(daily, "reports.received", day, village, category, channel, inst, "OPENED", null);
            add(daily, "cases.opened", day, village, category, channel, inst, state, null);
            long acceptance = (long) Math.min(4_000, Math.exp(r.nextDouble() * 7));
            add(daily, "time.acceptance", day, village, category, channel, inst, state, acceptance);
            add(daily, acceptance > 120 ? "sla.acceptance.late" : "sla.acceptance.on_time", day, village, category,
                    channel, inst, state, null);
            if (state.equals("CLOSED")) {
                int after = 7 + r.nextInt(120);
                LocalDate closed = day.plusDays(after);
                add(daily, "cases.closed", closed, village, category, channel, inst, state, null);
                add(daily, "time.closure", closed, village, category, channel, inst, state, after * 1_440L
                        + r.nextInt(1_440));
            }
            if (state.equals("EMERGENCY") || r.nextInt(10) == 0) {
                add(daily, "cases.emergency", day, village, category, channel, inst, state, null);
            }
        }
        jdbc.update("delete from stats_daily");
        jdbc.update("delete from stats_monthly");
        jdbc.update("delete from stats_monthly_township");
        jdbc.update("delete from stats_fact");
        List<Object[]> batch = new ArrayList<>();
        String table = null;
        List<Map.Entry<List<Object>, long[]>> entries = new ArrayList<>(daily.entrySet());
        entries.sort(Map.Entry.comparingByKey((a, b) -> ((String) a.getFirst()).compareTo((String) b.getFirst())));
        for (Map.Entry<List<Object>, long[]> e : entries) {
            List<Object> k = e.getKey();
            if (!k.getFirst().equals(table) || batch.size() == 5_000) {
                insert(table, batch);
                table = (String) k.getFirst();
            }
            batch.add(new Object[] { k.get(1), Date.valueOf((LocalDate) k.get(2)), k.get(3), k.get(4), k.get(5), k.get(6),
                    e.getValue()[0], e.getValue()[1] });
        }
        insert(table, batch);
        return daily.size();
    }

    void insert(String table, List<Object[]> batch) {
        if (!batch.isEmpty()) {
            String place = table.equals("stats_monthly_township") ? "township_code" : "village_code";
            jdbc.batchUpdate("insert into " + table + " (dim, fact_day, " + place + ", measure, dim_value, bucket, n,"
                    + " minutes_sum) values (?, ?, ?, ?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
    }

    /** Rows of the daily, the monthly and the township-monthly table. */
    String rowCounts() {
        return String.format("%,d daily + %,d monthly + %,d township-monthly",
                jdbc.queryForObject("select count(*) from stats_daily", Long.class),
                jdbc.queryForObject("select count(*) from stats_monthly", Long.class),
                jdbc.queryForObject("select count(*) from stats_monthly_township", Long.class));
    }

    static void add(Map<List<Object>, long[]> daily, String measure, LocalDate day, String village, String category,
            String channel, String institution, String state, Long minutes) {
        if (day.getYear() != YEAR_START.getYear()) {
            return;
        }
        long bucket = minutes == null ? -1 : bucketOf(minutes);
        String[] dims = { "total", "category", "channel", "institution", "state", "agency" };
        String[] values = { "", category, channel, institution, state, "" };
        for (String table : new String[] { "stats_daily", "stats_monthly", "stats_monthly_township" }) {
            LocalDate d = table.equals("stats_daily") ? day : day.withDayOfMonth(1);
            String place = table.equals("stats_monthly_township") ? village.substring(0, 9) : village;
            for (int i = 0; i < dims.length; i++) {
                long[] sums = daily.computeIfAbsent(List.of(table, dims[i], d, place, measure, values[i], bucket),
                        k -> new long[2]);
                sums[0]++;
                sums[1] += minutes == null ? 0 : minutes;
            }
        }
    }

    /** The rollup's duration buckets' lower bounds (stats.DurationBuckets, package-private there). */
    static final long[] BOUNDS = { 0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1_440,
        2_160, 2_880, 4_320, 5_760, 7_200, 10_080, 14_400, 20_160, 30_240, 43_200, 64_800, 86_400, 129_600, 259_200,
        525_600 };

    static long bucketOf(long m) {
        int i = Arrays.binarySearch(BOUNDS, Math.max(0, m));
        return i >= 0 ? BOUNDS[i] : BOUNDS[-i - 2];
    }
}
