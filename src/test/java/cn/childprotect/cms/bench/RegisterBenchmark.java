package cn.childprotect.cms.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.monitoring.Register;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark of the at-risk register (issue 12), run with {@code ./mvnw -Pbench verify}
 * (or {@code -Dtest=RegisterBenchmark}) against MySQL/MariaDB in MYSQL_URL. Fills monitoring_entry
 * with 10,000 and then 200,000 entries in force, of which 1,000 have an overdue visit, and prints at
 * both sizes the p50/p95 of the overdue list ({@code Register.list(overdue=true)}, 100 calls, a
 * director's village and a township supervisor) and the time of the register's deadline source
 * read and of a whole sweep. Asserts nothing about time.
 */
class RegisterBenchmark extends IntegrationTest {

    static final int OVERDUE = Integer.getInteger("bench.register.overdue", 1_000);
    static final String[] VILLAGES = { "141029100001", "141029100002", "141029100003", "141029101001", "141029101002",
            "141029101003" };

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Register register;

    @Autowired
    List<DeadlineSource> sources;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    UserDirectory users;

    @Test
    void overdueListAndSweepAt10kAnd200kEntries() {
        Assumptions.assumeTrue(TestDatabase.isRealMySql(), "the benchmark needs MYSQL_URL (MySQL or MariaDB)");
        StringBuilder out = new StringBuilder("\n===== register benchmark =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        for (int size : new int[] { 10_000, 200_000 }) {
            fill(size);
            out.append(measure(size));
        }
        out.append("EXPLAIN sweep read:\n");
        jdbc.queryForList("explain select id from monitoring_entry where visit_overdue_at <= now() "
                + "order by visit_overdue_at limit 10000").forEach(r -> out.append("  ").append(r).append('\n'));
        out.append("EXPLAIN overdue list (township):\n");
        jdbc.queryForList("explain select id from monitoring_entry where village_code like '141029100%' "
                + "and visit_overdue_at <= now() order by visit_overdue_at, id limit 50")
                .forEach(r -> out.append("  ").append(r).append('\n'));
        out.append("==============================");
        System.out.println(out);
    }

    /** Tops the bench entries up to {@code size}; exactly OVERDUE of them overdue, the rest due in a month. */
    void fill(int size) {
        long existing = jdbc.queryForObject("select count(*) from monitoring_entry where created_by = 'bench'", Long.class);
        Instant now = Instant.now();
        Timestamp future = Timestamp.from(now.plusSeconds(30L * 24 * 3600));
        List<Object[]> batch = new ArrayList<>();
        for (long i = existing; i < size; i++) {
            batch.add(new Object[] { 900_000_000L + i, VILLAGES[(int) (i % VILLAGES.length)], future });
            if (batch.size() == 5_000) {
                insert(batch, now);
            }
        }
        insert(batch, now);
        jdbc.update("update monitoring_entry set visit_overdue_at = ? where created_by = 'bench' and visit_overdue_at < ?",
                future, Timestamp.from(now));
        jdbc.update("update monitoring_entry set visit_overdue_at = ? where created_by = 'bench' order by id desc limit "
                + OVERDUE, Timestamp.from(now.minusSeconds(3600)));
        jdbc.update("delete from escalations_item where kind = 'REGISTER_VISIT' and source_id in "
                + "(select id from monitoring_entry where created_by = 'bench')");
        jdbc.execute("analyze table monitoring_entry");
    }

    void insert(List<Object[]> batch, Instant now) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into monitoring_entry (child_id, village_code, categories, tier, status, created_by, "
                + "created_at, confirmed_at, visit_due_on, visit_overdue_at, version) values "
                + "(?, ?, ',LEFT_BEHIND,', 'YELLOW', 'ACTIVE', 'bench', ?, ?, ?, ?, 0)", batch.stream()
                .map(r -> new Object[] { r[0], r[1], Timestamp.from(now), Timestamp.from(now),
                        LocalDate.now().plusDays(29), r[2] }).toList());
        batch.clear();
    }

    String measure(int size) {
        CurrentUser director = users.findCurrentUser("director1").orElseThrow();
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();
        StringBuilder out = new StringBuilder(String.format("entries: %,d (bench), overdue: %,d%n",
                jdbc.queryForObject("select count(*) from monitoring_entry", Long.class), OVERDUE));
        for (CurrentUser user : List.of(director, supervisor)) {
            long[] millis = new long[100];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                register.list(new Register.Filter(null, null, null, true, 0, 50), user);
                millis[i] = System.nanoTime() - started;
            }
            Arrays.sort(millis);
            out.append(String.format("  overdue list (%s, page of 50): p50 %.1f ms, p95 %.1f ms%n", user.username(),
                    millis[49] / 1e6, millis[94] / 1e6));
        }
        DeadlineSource source = sources.stream().filter(s -> s.getClass().getSimpleName().startsWith("RegisterVisit"))
                .findFirst().orElseThrow();
        long started = System.nanoTime();
        int found = source.overdue(Instant.now(), 10_000).size();
        out.append(String.format("  register deadline source read: %.1f ms (%d overdue)%n",
                (System.nanoTime() - started) / 1e6, found));
        DeadlineSweep.SweepResult first = sweep.sweep();
        DeadlineSweep.SweepResult second = sweep.sweep();
        out.append(String.format("  whole sweep: first %d ms (%d raised), second %d ms (%d raised)%n", first.millis(),
                first.raisedTownship(), second.millis(), second.raisedTownship() + second.raisedCounty()));
        return out.toString();
    }
}
