package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.childprotect.cms.CmsApplication;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.OpenCaseCommand;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the service on one MySQL-compatible database sweep at the same time, again
 * and again: every escalation exists exactly once per level.
 */
@EnabledIf("cn.childprotect.cms.support.TestDatabase#isRealMySql")
class TwoInstanceSweepTests {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance("one");
        second = instance("two");
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static ConfigurableApplicationContext instance(String name) {
        TestDatabase db = TestDatabase.get();
        return new SpringApplicationBuilder(CmsApplication.class)
                .profiles("test")
                // command-line arguments: they outrank application.yml (builder properties would not)
                .run("--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(), "--spring.application.name=instance-" + name);
    }

    @Test
    void concurrentSweepsOfTwoInstancesRaiseEachEscalationExactlyOnce() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        long caseId = first.getBean(TransactionTemplate.class).execute(s -> first.getBean(CaseFiles.class)
                .open(new OpenCaseCommand(System.nanoTime(), "141029100001", Set.of("BL01"), false, System.nanoTime(),
                        "R-TWO", "operator1")).id());
        jdbc.update("update cases_case set status_deadline = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3 * 24 * 3600)), caseId);
        // a deadline set in the past by hand lies before what the sweep has done: a full pass finds it
        first.getBean(DeadlineSweep.class).startFullPass();

        sweepConcurrently(5);
        assertThat(count(jdbc, caseId, "TOWNSHIP")).isEqualTo(1);
        assertThat(count(jdbc, caseId, "COUNTY")).isZero();

        // the township item has been open longer than the grace period
        jdbc.update("update escalations_item set raised_at = ? where source_id = ? and kind = 'CASE_DEADLINE'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(2 * 24 * 3600)), caseId);
        sweepConcurrently(5);
        assertThat(count(jdbc, caseId, "TOWNSHIP")).isEqualTo(1);
        assertThat(count(jdbc, caseId, "COUNTY")).isEqualTo(1);
    }

    /** Issue 19: both instances work through a backlog larger than the cap, in bounded rounds, once per miss and level. */
    @Test
    void twoInstancesWorkThroughABacklogLargerThanTheCapOncePerMissAndLevel() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        SweepBacklogTests.BacklogSource source = new SweepBacklogTests.BacklogSource(
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), SweepBacklogTests.BACKLOG);
        jdbc.update("delete from escalations_sweep_cursor where source = ?", source.getClass().getName());
        List<DeadlineSweep> sweeps = List.of(first, second).stream().map(ctx -> ctx.getBean(DeadlineSweep.class)
                .withReaders(List.of(DeadlineSweep.sourceReader(source)), SweepBacklogTests.CAP)).toList();

        // ceil(23 / 5) = 5 sweeps for one instance; two racing instances may read the same rows
        assertThat(roundsUntil(sweeps, jdbc, source, "TOWNSHIP")).isBetween(3, 10);
        assertThat(backlogItems(jdbc, source, "COUNTY")).isZero();

        jdbc.update("update escalations_item set raised_at = ? where kind = 'REASSESSMENT' and source_id between ? and ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(2 * 24 * 3600)), source.firstId,
                source.firstId + 1_000);
        assertThat(roundsUntil(sweeps, jdbc, source, "COUNTY")).isBetween(3, 10);
        assertThat(jdbc.queryForObject("select count(*) from (select source_id, level from escalations_item "
                + "where kind = 'REASSESSMENT' and source_id between ? and ? group by source_id, level "
                + "having count(*) > 1) twice", Integer.class, source.firstId, source.firstId + 1_000)).isZero();
        assertThat(backlogItems(jdbc, source, "TOWNSHIP")).isEqualTo(SweepBacklogTests.BACKLOG);
    }

    private static int roundsUntil(List<DeadlineSweep> sweeps, JdbcTemplate jdbc, SweepBacklogTests.BacklogSource source,
            String level) throws Exception {
        int rounds = 0;
        while (backlogItems(jdbc, source, level) < SweepBacklogTests.BACKLOG && rounds < 20) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = sweeps.stream().map(sweep -> CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sweep.sweep();
            })).toList();
            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            rounds++;
        }
        return rounds;
    }

    private static int backlogItems(JdbcTemplate jdbc, SweepBacklogTests.BacklogSource source, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'REASSESSMENT' and level = ? "
                + "and source_id between ? and ?", Integer.class, level, source.firstId, source.firstId + 1_000);
    }

    private static void sweepConcurrently(int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = List.of(first, second).stream()
                    .map(ctx -> CompletableFuture.runAsync(() -> {
                        try {
                            start.await();
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        ctx.getBean(DeadlineSweep.class).sweep();
                    })).toList();
            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        }
    }

    private static int count(JdbcTemplate jdbc, long caseId, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'CASE_DEADLINE' and source_id = ? "
                + "and level = ?", Integer.class, caseId, level);
    }
}
