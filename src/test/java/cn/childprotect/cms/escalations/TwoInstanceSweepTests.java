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
