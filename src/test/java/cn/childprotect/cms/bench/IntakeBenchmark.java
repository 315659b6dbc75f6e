package cn.childprotect.cms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/**
 * Not a test: a benchmark ({@code ./mvnw -Pbench verify}; on the embedded H2 too, but the figures
 * in the README are MariaDB's). Files hotline reports (MR04: opens a case, alerts the township,
 * awaits the police notification) and prints the SQL statements one filing sends (counted at
 * the DataSource, {@link StatementCounter}: the request, and what the outbox does after commit),
 * and reports per second through HTTP (with the Basic password check) and through the facade at
 * 1 and 8 clients. Asserts nothing.
 */
@Import(StatementCounter.Config.class)
class IntakeBenchmark extends IntegrationTest {

    static final int COUNTED = Integer.getInteger("bench.intake.counted", 20);
    static final int FACADE = Integer.getInteger("bench.intake.reports", 200);

    @Autowired
    StatementCounter counter;

    @Autowired
    IntakeDesk desk;

    @Autowired
    UserDirectory users;

    @Test
    void statementsAndRateOfFilingAHotlineReport() throws Exception {
        for (int i = 0; i < 5; i++) {
            postReport();
        }
        awaitQuiet();
        counter.reset();
        long started = System.nanoTime();
        for (int i = 0; i < COUNTED; i++) {
            postReport();
        }
        double httpSeconds = (System.nanoTime() - started) / 1e9;
        long inRequests = counter.total();
        Map<String, Long> requestKinds = counter.snapshot();
        awaitQuiet();
        long withOutbox = counter.total();
        List<Map.Entry<String, Long>> statements = counter.statements();

        CurrentUser operator = users.findCurrentUser("operator1").orElseThrow();
        double oneClient = facadeRate(operator, 1, FACADE / 4);
        double eightClients = facadeRate(operator, 8, FACADE);

        StringBuilder out = new StringBuilder("\n===== intake benchmark =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append('\n');
        out.append(String.format("statements per filed hotline report (HTTP, Basic auth): %.1f in the request %s, "
                + "%.1f with the outbox after commit (JDBC batches count once; %d rows batched)%n",
                inRequests / (double) COUNTED, perReport(requestKinds), withOutbox / (double) COUNTED,
                counter.batchedRows() / COUNTED));
        out.append("statements of those filings, by text (count / ").append(COUNTED).append(" reports):\n");
        statements.forEach(e -> out.append(String.format("  %5.1f  %s%n", e.getValue() / (double) COUNTED, e.getKey())));
        out.append(String.format("HTTP, 1 client, with the password hash: %.1f reports/s%n", COUNTED / httpSeconds));
        out.append(String.format("facade (IntakeDesk.submit), 1 client: %.1f reports/s; 8 clients: %.1f reports/s%n",
                oneClient, eightClients));
        out.append("=============================");
        System.out.println(out);
    }

    private static String perReport(Map<String, Long> kinds) {
        StringBuilder s = new StringBuilder("(");
        kinds.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(k).append(' ')
                .append(String.format("%.1f", v / (double) COUNTED)));
        return s.append(')').toString();
    }

    /** The outbox listeners run after commit on other threads: wait until no statement is sent for a while. */
    private void awaitQuiet() {
        AtomicLong last = new AtomicLong(-1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(700))
                .pollInterval(Duration.ofMillis(700)).until(() -> last.getAndSet(counter.total()) == counter.total());
    }

    private void postReport() {
        String body = """
                {"channel":"HOTLINE","categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"141029100001","narrative":"邻居来电：孩子身上多处淤青，自述在家被打",
                 "child":{"name":"%s","idNumber":"%s","villageCode":"141029100001"},
                 "reporter":{"name":"李女士","phone":"13800000002"}}"""
                .formatted(TestIds.uniqueName(), TestIds.idNumber(TestIds.childBirthDate(), true));
        int status = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange().getResponse().getStatus();
        if (status != 201) {
            throw new IllegalStateException("filing failed: " + status);
        }
    }

    private double facadeRate(CurrentUser operator, int clients, int reports) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                futures.add(pool.submit(() -> desk.submit(new ReportSubmission(Channel.HOTLINE, List.of("MR04"), false,
                        Instant.now().minusSeconds(3600), "141029100001", "邻居来电：孩子身上多处淤青",
                        new ChildData(TestIds.uniqueName(), null, null, null,
                                TestIds.idNumber(TestIds.childBirthDate(), true), false, null, "141029100001", null,
                                null, List.of()),
                        new ReportSubmission.Reporter(false, "李女士", "13800000002", null, null), null, false),
                        null, operator)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return reports / ((System.nanoTime() - started) / 1e9);
        }
        finally {
            pool.shutdown();
        }
    }
}
