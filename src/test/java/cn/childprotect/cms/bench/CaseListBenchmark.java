package cn.childprotect.cms.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import cn.childprotect.cms.cases.CaseList;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseSearch;
import cn.childprotect.cms.cases.CaseSort;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark ({@code ./mvnw -Pbench verify}, MYSQL_URL of a database of its own —
 * it empties the case tables). Fills 10,000 cases spread over the demo villages, states and 600
 * workers (half closed, children with names), times every work list through the facade
 * ({@link CaseQueries#list}: query, child labels, village names; not HTTP or the password hash),
 * fills up to 1,000,000 and times them again, in the same run, and prints p50/p95 at both sizes,
 * their ratio and the EXPLAIN of each list. Asserts nothing about time.
 */
class CaseListBenchmark extends IntegrationTest {

    static final int SMALL = Integer.getInteger("bench.small", 10_000);
    static final int LARGE = Integer.getInteger("bench.cases", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final String[] VILLAGES = SweepBenchmark.VILLAGES;
    static final String[] STATES = { "RECEIVED", "ASSESSING", "ASSESSING", "HANDLING", "HANDLING", "SUPPORTING",
            "SUPPORTING", "SUPPORTING", "PENDING_CLOSURE", "EMERGENCY", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED",
            "CLOSED", "CLOSED", "CLOSED", "SCREENED_OUT", "MERGED" };
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    static final String GIVEN = "小子宇浩欣怡梓涵俊杰雨轩一诺思远佳琪明哲嘉懿可馨天佑若曦晨阳语桐文博雅静";
    static final long CHILD_BASE = 700_000_000L;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseQueries queries;

    final CurrentUser township = new CurrentUser("bench-sup", "督导", Role.SUPERVISOR, "141029100000", null, null, null);
    final CurrentUser county = new CurrentUser("bench-county", "县督导", Role.SUPERVISOR, "141029000000", null, null, null);
    // workers are bench-dir-(i % 600); i ≡ 7 (mod 600) lies in village i % 6 = 1
    final CurrentUser director = new CurrentUser("bench-dir-7", "儿童主任", Role.CHILD_DIRECTOR, "141029100002", null, null,
            null);

    @Test
    void workListsAtTenThousandAndAMillionCases() {
        Assumptions.assumeTrue(TestDatabase.isRealMySql(), "the benchmark needs MYSQL_URL (MySQL or MariaDB)");
        emptyCaseTables();
        Instant now = Instant.now();
        fill(0, SMALL, now);
        measureAll(); // a whole round first, so the 10,000-case figures are not those of a cold JIT
        Map<String, double[]> small = measureAll();
        long started = System.nanoTime();
        fill(SMALL, LARGE, now);
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, double[]> large = measureAll();

        StringBuilder out = new StringBuilder("\n===== work-list benchmark =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append('\n');
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format("cases: %,d then %,d (filled in %.1f s); %d timed calls per list and size, "
                + "through CaseQueries.list (page of 20; the UI's 50 behaves alike)%n", SMALL, LARGE, fillSeconds, RUNS));
        out.append(String.format("%-44s %10s %10s %10s %10s %8s%n", "list", "p50@10k", "p95@10k", "p50@1M", "p95@1M",
                "p95 ×"));
        for (String name : small.keySet()) {
            double[] s = small.get(name);
            double[] l = large.get(name);
            out.append(String.format("%-44s %8.1fms %8.1fms %8.1fms %8.1fms %8.2f%n", name, s[0], s[1], l[0], l[1],
                    l[1] / s[1]));
        }
        out.append("EXPLAIN at 1,000,000 cases:\n");
        explain(out, "triage (status=RECEIVED, township)", "select id from cases_case where village_code like '141029100%' "
                + "and status = 'RECEIVED' order by opened_at desc, id desc limit 21");
        explain(out, "several statuses (county)", "select id from cases_case where village_code like '141029%' "
                + "and status in ('ASSESSING','HANDLING','SUPPORTING') order by opened_at desc, id desc limit 21");
        explain(out, "default (township)", "select id from cases_case where village_code like '141029100%' "
                + "order by opened_at desc, id desc limit 21");
        explain(out, "my cases (by deadline)", "select id from cases_case where village_code = '141029100002' "
                + "and assignee = 'bench-dir-7' and status_deadline is not null order by status_deadline, id limit 21");
        explain(out, "overdue (township)", "select id from cases_case where village_code like '141029100%' "
                + "and status_deadline < now() and status_deadline is not null order by status_deadline, id limit 21");
        explain(out, "capped count, probe (township)", "select id from cases_case where village_code like '141029100%' "
                + "limit 1000, 1");
        explain(out, "capped count, probe (my cases)", "select id from cases_case where village_code = '141029100002' "
                + "and assignee = 'bench-dir-7' limit 1000, 1");
        explain(out, "default, page 20 by seek (township)", "select id from cases_case where village_code like '141029100%' "
                + "and (opened_at < now() - interval 1 day or (opened_at = now() - interval 1 day and id < 1000)) "
                + "order by opened_at desc, id desc limit 21");
        out.append("================================");
        System.out.println(out);
    }

    private Map<String, double[]> measureAll() {
        jdbc.execute("analyze table cases_case");
        jdbc.execute("analyze table people_child");
        Map<String, Supplier<CaseList>> lists = new LinkedHashMap<>();
        String name = nameOf(7);
        lists.put("triage: status=RECEIVED (township)", () -> queries.list(search(Set.of(CaseStatus.RECEIVED),
                false, false, null), 0, 20, CaseSort.NEWEST, township));
        lists.put("triage by deadline (UI default, township)", () -> queries.list(
                search(Set.of(CaseStatus.RECEIVED), false, false, null), 0, 20, CaseSort.DEADLINE, township));
        lists.put("statuses ASSESSING,HANDLING,SUPPORTING (county)", () -> queries.list(search(
                Set.of(CaseStatus.ASSESSING, CaseStatus.HANDLING, CaseStatus.SUPPORTING), false, false, null), 0, 20,
                CaseSort.NEWEST, county));
        lists.put("default list (township)", () -> queries.list(search(null, false, false, null), 0, 20,
                CaseSort.NEWEST, township));
        // page 20 as the UI reaches it: with the key where page 19 ends (seek), and by offset for comparison
        String page19End = queries.list(search(null, false, false, null), 18, 20, CaseSort.NEWEST, township).nextKey();
        lists.put("default list, page 20 (township, seek)", () -> queries.list(search(null, false, false, null), 19, 20,
                CaseSort.NEWEST, township, page19End));
        lists.put("default list, page 20 (township, offset)", () -> queries.list(search(null, false, false, null), 19,
                20, CaseSort.NEWEST, township));
        lists.put("my cases, by deadline (director)", () -> queries.list(search(null, true, false, null), 0, 20,
                CaseSort.DEADLINE, director));
        lists.put("my cases, newest first (director)", () -> queries.list(search(null, true, false, null), 0, 20,
                CaseSort.NEWEST, director));
        lists.put("overdue=true (township)", () -> queries.list(search(null, false, true, null), 0, 20,
                CaseSort.DEADLINE, township));
        lists.put("name search (township)", () -> queries.list(search(null, false, false, name), 0, 20,
                CaseSort.NEWEST, township));
        return time(lists);
    }

    private static CaseSearch search(Set<CaseStatus> statuses, boolean mine, boolean overdue, String text) {
        return new CaseSearch(statuses, null, mine, null, overdue, null, text, null, null);
    }

    /**
     * p50 and p95 in milliseconds of each list, after a warm-up. The lists take turns (one call of
     * each per round), so a burst of load from elsewhere on the machine falls on all of them alike.
     */
    private static Map<String, double[]> time(Map<String, Supplier<CaseList>> lists) {
        for (int i = 0; i < 10; i++) {
            lists.values().forEach(Supplier::get);
        }
        Map<String, double[]> ms = new LinkedHashMap<>();
        lists.keySet().forEach(name -> ms.put(name, new double[RUNS]));
        for (int i = 0; i < RUNS; i++) {
            for (var list : lists.entrySet()) {
                long t = System.nanoTime();
                list.getValue().get();
                ms.get(list.getKey())[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        ms.forEach((name, times) -> {
            Arrays.sort(times);
            results.put(name, new double[] { times[RUNS / 2], times[(int) Math.ceil(RUNS * 0.95) - 1] });
        });
        return results;
    }

    /** The benchmark owns its database: cases and children of earlier runs go (TRUNCATE is instant). */
    private void emptyCaseTables() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : List.of("escalations_item", "cases_timeline", "cases_case_category", "cases_case",
                        "people_guardian", "people_child")) {
                    statement.execute("TRUNCATE TABLE " + table);
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            return null;
        });
    }

    /** Names distinct for every child of the benchmark (mixed radix), so a search finds one child at either size. */
    static String nameOf(int i) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(i % SURNAMES.length()));
        for (int rest = i / SURNAMES.length(), k = 0; k < 4; k++, rest /= GIVEN.length()) {
            name.append(GIVEN.charAt(rest % GIVEN.length()));
        }
        return name.toString();
    }

    /** Cases from..to-1 (BENCH-i, as SweepBenchmark numbers them), their categories and children. */
    private void fill(int from, int to, Instant now) {
        final int batch = 2_000;
        for (int start = from; start < to; start += batch) {
            int end = Math.min(to, start + batch);
            StringBuilder cases = new StringBuilder("insert into cases_case (case_number, village_code, child_id, status, "
                    + "status_entered_at, status_deadline, urgent, assignee, opened_at, version) values ");
            StringBuilder children = new StringBuilder("insert into people_child (id, name, sex, identity_unknown, "
                    + "village_code, created_at, version) values ");
            List<Object> caseArgs = new ArrayList<>();
            List<Object> childArgs = new ArrayList<>();
            for (int i = start; i < end; i++) {
                String state = STATES[(i / 7) % STATES.length];
                boolean closed = state.equals("CLOSED") || state.equals("SCREENED_OUT") || state.equals("MERGED");
                // one case a minute, the newest now; open deadlines spread over 30 days, a few just missed
                Timestamp opened = Timestamp.from(now.minusSeconds(60L * (LARGE - i)));
                cases.append(i == start ? "" : ",").append("(?,?,?,?,?,?,?,?,?,0)");
                caseArgs.addAll(List.of("BENCH-" + i, VILLAGES[i % VILLAGES.length], CHILD_BASE + i, state, opened));
                caseArgs.add(closed ? null : Timestamp.from(now.plusSeconds(60L * (i % 43_200) - 3_600)));
                caseArgs.add(i % 10 == 0);
                caseArgs.add(state.equals("RECEIVED") ? null : "bench-dir-" + (i % 600));
                caseArgs.add(opened);
                children.append(i == start ? "" : ",").append("(?,?,'UNKNOWN',false,?,?,0)");
                childArgs.addAll(List.of(CHILD_BASE + i, nameOf(i), VILLAGES[i % VILLAGES.length], opened));
            }
            Long before = jdbc.queryForObject("select coalesce(max(id), 0) from cases_case", Long.class);
            jdbc.update(cases.toString(), caseArgs.toArray());
            jdbc.update(children.toString(), childArgs.toArray());
            jdbc.update("insert into cases_case_category (case_id, category) select id, "
                    + "case mod(id, 5) when 0 then 'MR04' when 1 then 'GD05' when 2 then 'GD01' when 3 then 'MR01' "
                    + "else 'GD02' end from cases_case where id > ?", before);
        }
    }

    private void explain(StringBuilder out, String label, String sql) {
        out.append("  ").append(label).append(":\n");
        for (Map<String, Object> row : jdbc.queryForList("explain " + sql)) {
            out.append("    type=").append(row.get("type")).append(" key=").append(row.get("key")).append(" rows=")
                    .append(row.get("rows")).append(" extra=").append(row.get("Extra")).append('\n');
        }
    }
}
