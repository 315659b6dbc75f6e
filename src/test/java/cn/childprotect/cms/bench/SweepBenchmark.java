package cn.childprotect.cms.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench verify} against a MySQL/MariaDB
 * database given in MYSQL_URL (use a database of its own: it fills cases_case with 1,000,000
 * rows). Prints the time of one deadline sweep over 1,000,000 cases of which 1,000 are overdue,
 * and the query plans of the sweep and of the overdue work list. Asserts nothing about time.
 */
class SweepBenchmark extends IntegrationTest {

    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    static final int OVERDUE = Integer.getInteger("bench.overdue", 1_000);
    static final String[] VILLAGES = { "141029100001", "141029100002", "141029100003", "141029101001", "141029101002",
            "141029101003" };

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineSweep sweep;

    @Test
    void sweepOverAMillionCases() {
        Assumptions.assumeTrue(TestDatabase.isRealMySql(), "the benchmark needs MYSQL_URL (MySQL or MariaDB)");
        Instant now = Instant.now();
        long existing = jdbc.queryForObject("select count(*) from cases_case where case_number like 'BENCH-%'", Long.class);
        long started = System.nanoTime();
        insertCases((int) existing, CASES, now);
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        // exactly OVERDUE cases are late; previous runs' escalations are cleared so the sweep does real work
        jdbc.update("update cases_case set status_deadline = ? where case_number like 'BENCH-%' and status_deadline < ?",
                Timestamp.from(now.plusSeconds(30L * 24 * 3600)), Timestamp.from(now));
        jdbc.update("update cases_case set status_deadline = ? where case_number like 'BENCH-%' and id % ? = 0 "
                + "and status_deadline is not null "
                + "order by id limit " + OVERDUE, Timestamp.from(now.minusSeconds(3600)), CASES / OVERDUE / 4);
        jdbc.update("delete from escalations_item where kind = 'CASE_DEADLINE' and source_id in "
                + "(select id from cases_case where case_number like 'BENCH-%')");
        // the deadlines were planted in the past by hand: the sweep must read its sources from the start
        jdbc.update("delete from escalations_sweep_cursor");
        jdbc.execute("analyze table cases_case");

        long total = jdbc.queryForObject("select count(*) from cases_case", Long.class);
        long overdue = jdbc.queryForObject("select count(*) from cases_case where status_deadline < ?", Long.class,
                Timestamp.from(Instant.now()));
        DeadlineSweep.SweepResult first = sweep.sweep();
        DeadlineSweep.SweepResult second = sweep.sweep();

        StringBuilder out = new StringBuilder("\n===== deadline sweep benchmark =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append('\n');
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB max heap, Java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format("cases: %,d (inserted now: %,d in %.1f s), overdue: %,d%n", total, CASES - existing,
                insertSeconds, overdue));
        out.append(String.format("first sweep: %d ms (%d overdue items found, %d township escalations raised)%n",
                first.millis(), first.overdue(), first.raisedTownship()));
        out.append(String.format("second sweep: %d ms (%d raised: every miss is escalated once)%n", second.millis(),
                second.raisedTownship() + second.raisedCounty()));
        out.append("EXPLAIN sweep query:\n");
        explain(out, "select id, village_code, status, status_deadline from cases_case where status_deadline < now() "
                + "and (status_deadline > '1970-01-01' or (status_deadline = '1970-01-01' and id > 0)) "
                + "order by status_deadline, id limit 10000");
        out.append("EXPLAIN overdue work list (GET /api/v1/cases?overdue=true, township scope):\n");
        explain(out, "select id from cases_case where village_code like '141029100%' and status_deadline < now() "
                + "order by status_deadline, id limit 20");
        out.append("====================================");
        System.out.println(out);
    }

    private void explain(StringBuilder out, String sql) {
        for (Map<String, Object> row : jdbc.queryForList("explain " + sql)) {
            out.append("  table=").append(row.get("table")).append(" type=").append(row.get("type"))
                    .append(" key=").append(row.get("key")).append(" rows=").append(row.get("rows"))
                    .append(" extra=").append(row.get("Extra")).append('\n');
        }
    }

    private void insertCases(int from, int to, Instant now) {
        final int batch = 2_000;
        Timestamp opened = Timestamp.from(now.minusSeconds(40L * 24 * 3600));
        Timestamp future = Timestamp.from(now.plusSeconds(30L * 24 * 3600));
        for (int start = from; start < to; start += batch) {
            int end = Math.min(to, start + batch);
            StringBuilder sql = new StringBuilder("insert into cases_case (case_number, village_code, child_id, status, "
                    + "status_entered_at, status_deadline, urgent, opened_at, version) values ");
            List<Object> args = new ArrayList<>();
            for (int i = start; i < end; i++) {
                sql.append(i == start ? "" : ",").append("(?,?,?,'ASSESSING',?,?,false,?,0)");
                args.add("BENCH-" + i);
                args.add(VILLAGES[i % VILLAGES.length]);
                args.add(900_000_000L + i);
                args.add(opened);
                args.add(future);
                args.add(opened);
            }
            jdbc.update(sql.toString(), args.toArray());
        }
    }
}
