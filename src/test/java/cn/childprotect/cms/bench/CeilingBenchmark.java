package cn.childprotect.cms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: a benchmark ({@code ./mvnw -Pbench verify -Dtest=CeilingBenchmark}, bench/README.md).
 * Measures the service against the database's own ceiling in the same run: a raw-JDBC client
 * writes the rows one hotline report needs with the fewest statements (one transaction), and the
 * real service files the same report over HTTP as {@code operator1} with a bearer token; at 1, 8
 * and 32 clients, in alternating rounds (ceiling, service, ceiling, service) so that the machine's
 * other load hits both alike. The same for a case transition (ACCEPT of distinct RECEIVED cases by
 * {@code supervisor1}). Prints reports/s, p50/p95/p99, the ratio service ÷ ceiling and the SQL
 * statements per report and per transition (counted at the DataSource, {@link StatementCounter}:
 * an execute or a JDBC batch is one round trip; a commit is not counted). Asserts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(StatementCounter.Config.class)
class CeilingBenchmark {

    static final String PASSWORD = "test-pass-123";
    static final String VILLAGE = "141029100001";
    static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.ceiling.clients", "1,8,32").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final int PER_ROUND = Integer.getInteger("bench.ceiling.perRound", 64);
    static final int ROUNDS = Integer.getInteger("bench.ceiling.rounds", 2);
    /** Filings before anything is timed: the JIT compiles the request path only after some thousands. */
    static final int WARMUP = Integer.getInteger("bench.ceiling.warmup", 1000);
    static final int COUNTED = 20;
    static final long RAW_REPORT_IDS = 4_000_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    StatementCounter counter;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ConcurrentLinkedQueue<long[]> serviceCases = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<long[]> ceilingCases = new ConcurrentLinkedQueue<>();
    final AtomicLong ceilingNumbers = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> cn.childprotect.cms.support.TestMail.PORT);
    }

    /**
     * A mail server for the alerts (bench.ceiling.mail, default true): with one, each report's alert
     * is sent and logged as in a deployment; without, it fails and stays in the outbox (fewer
     * statements after commit). GreenMail runs in this JVM, so its CPU counts against the service.
     */
    static final boolean MAIL = Boolean.parseBoolean(System.getProperty("bench.ceiling.mail", "true"));

    static com.icegreen.greenmail.util.GreenMail mailServer;

    @org.junit.jupiter.api.BeforeAll
    static void startMail() {
        if (MAIL) {
            mailServer = cn.childprotect.cms.support.TestMail.server();
            mailServer.start();
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void stopMail() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    void serviceAgainstCeiling() throws Exception {
        String operator = "Bearer " + token("operator1");
        String supervisor = "Bearer " + token("supervisor1");
        StringBuilder out = new StringBuilder("\n===== ceiling benchmark: service over HTTP vs raw JDBC =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append("; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average ")
                .append(String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()))
                .append(MAIL ? "; alerts mailed to GreenMail in this JVM" : "; no mail server (alerts fail and stay in the outbox)")
                .append('\n');

        // warm-up (JIT, pools, caches), then the statements of one report and of one transition
        run(4, Math.max(1, WARMUP / 4), () -> fileReport(operator));
        run(4, Math.max(1, WARMUP / 4), this::ceilingReport);
        loadCases();
        run(2, 10, () -> accept(supervisor));
        run(2, 10, this::ceilingAccept);
        out.append(count("filing a hotline report (MR04, opens a case)", () -> fileReport(operator), this::ceilingReport));
        loadCases();
        out.append(count("transition ACCEPT", () -> accept(supervisor), this::ceilingAccept));

        out.append(String.format("%-10s %7s %8s %9s %9s %9s %8s%n", "", "clients", "ops/s", "p50 ms", "p95 ms",
                "p99 ms", "svc/ceil"));
        for (int clients : CLIENTS) {
            out.append(compare("filing", clients, () -> fileReport(operator), this::ceilingReport));
        }
        loadCases();
        for (int clients : CLIENTS) {
            out.append(compare("ACCEPT", clients, () -> accept(supervisor), this::ceilingAccept));
        }
        out.append("=============================================================");
        System.out.println(out);
    }

    // --- measuring -------------------------------------------------------------------------------

    interface Op {
        void run() throws Exception;
    }

    record Result(int ok, int failed, double seconds, long[] nanos) {

        double rate() {
            return ok / seconds;
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        static Result merge(List<Result> results) {
            int ok = 0;
            int failed = 0;
            double seconds = 0;
            List<Long> all = new ArrayList<>();
            for (Result r : results) {
                ok += r.ok;
                failed += r.failed;
                seconds += r.seconds;
                for (long n : r.nanos) {
                    all.add(n);
                }
            }
            return new Result(ok, failed, seconds, all.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private String compare(String what, int clients, Op service, Op ceiling) throws Exception {
        int perClient = Math.max(2, PER_ROUND / clients);
        List<Result> serviceRounds = new ArrayList<>();
        List<Result> ceilingRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ceilingRounds.add(run(clients, perClient, ceiling));
            serviceRounds.add(run(clients, perClient, service));
        }
        Result c = Result.merge(ceilingRounds);
        Result s = Result.merge(serviceRounds);
        return String.format("%-10s %7d %8.1f %9.1f %9.1f %9.1f%n", what + " raw", clients, c.rate(), c.percentile(0.5),
                c.percentile(0.95), c.percentile(0.99))
                + String.format("%-10s %7d %8.1f %9.1f %9.1f %9.1f %8.2f%s%n", what + " svc", clients, s.rate(),
                        s.percentile(0.5), s.percentile(0.95), s.percentile(0.99), s.rate() / c.rate(),
                        s.failed + c.failed == 0 ? "" : "  (" + s.failed + " + " + c.failed + " failed)");
    }

    private Result run(int clients, int perClient, Op op) throws Exception {
        long[] nanos = new long[clients * perClient];
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong slot = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        try {
                            op.run();
                            nanos[(int) slot.getAndIncrement()] = System.nanoTime() - t;
                            ok.incrementAndGet();
                        }
                        catch (Exception e) {
                            if (failed.incrementAndGet() == 1) {
                                System.out.println("first failure: " + e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return new Result((int) ok.get(), (int) failed.get(), (System.nanoTime() - started) / 1e9,
                Arrays.copyOf(nanos, (int) slot.get()));
    }

    /** Statements per operation, one client, after the outbox work that follows the commit. */
    private String count(String what, Op service, Op ceiling) throws Exception {
        awaitQuiet();
        counter.reset();
        for (int i = 0; i < COUNTED; i++) {
            service.run();
        }
        long inRequests = counter.total();
        Map<String, Long> kinds = counter.snapshot();
        awaitQuiet();
        long withOutbox = counter.total();
        StringBuilder s = new StringBuilder(String.format("%s: service %.1f statements in the request %s, %.1f with "
                + "the outbox after commit (scheduled jobs meanwhile, not counted: %.1f); ", what,
                inRequests / (double) COUNTED, kinds, withOutbox / (double) COUNTED, counter.background() / (double) COUNTED));
        List<Map.Entry<String, Long>> statements = counter.statements();
        counter.reset();
        for (int i = 0; i < COUNTED; i++) {
            ceiling.run();
        }
        s.append(String.format("raw ceiling %.1f%n", counter.total() / (double) COUNTED));
        statements.forEach(e -> s.append(String.format("    %5.2f  %s%n", e.getValue() / (double) COUNTED, e.getKey())));
        return s.toString();
    }

    /** The outbox listeners run after commit on other threads: wait until no statement is sent for a while. */
    private void awaitQuiet() {
        AtomicLong last = new AtomicLong(-1);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ofMillis(700))
                .pollInterval(Duration.ofMillis(700)).until(() -> last.getAndSet(counter.total()) == counter.total());
    }

    // --- the service -----------------------------------------------------------------------------

    private void fileReport(String authorization) throws Exception {
        String body = """
                {"channel":"HOTLINE","categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"%s","narrative":"邻居来电：孩子身上多处淤青，自述在家被打",
                 "child":{"name":"%s","idNumber":"%s","villageCode":"%s"},
                 "reporter":{"name":"李女士","phone":"13800000002"}}"""
                .formatted(VILLAGE, TestIds.uniqueName(), TestIds.idNumber(TestIds.childBirthDate(), true), VILLAGE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("filing: " + response.statusCode() + " " + response.body());
        }
    }

    private void accept(String authorization) throws Exception {
        long[] c = serviceCases.poll();
        if (c == null) {
            throw new IllegalStateException("no RECEIVED case left");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/cases/" + c[0] + "/transitions"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("If-Match", "\"" + c[1] + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"ACCEPT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ACCEPT: " + response.statusCode() + " " + response.body());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }

    /** RECEIVED cases of the village: the service's (CP-…) for the service, the raw client's (BENCH-…) for it. */
    private void loadCases() throws Exception {
        serviceCases.clear();
        ceilingCases.clear();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, version, case_number from cases_case where village_code = ? and status = 'RECEIVED'")) {
            ps.setString(1, VILLAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(3).startsWith("BENCH-") ? ceilingCases : serviceCases)
                            .add(new long[] { rs.getLong(1), rs.getLong(2) });
                }
            }
        }
    }

    // --- the ceiling: the same rows, fewest statements, one transaction ---------------------------

    /**
     * A hotline report's rows: the child, the case, the report, their categories, one timeline
     * line, two audit rows and three outbox rows — 8 statements, ids from AUTO_INCREMENT, no
     * counter (the service takes numbers from blocks, see SequenceNumbers).
     */
    private void ceilingReport() throws Exception {
        long n = ceilingNumbers.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long child = insert(c, "insert into people_child (name, sex, identity_unknown, village_code, created_at, "
                        + "version, id_number_hash) values (?, 'MALE', false, ?, ?, 0, ?)", TestIds.uniqueName(), VILLAGE, now,
                        UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000");
                long caseId = insert(c, "insert into cases_case (case_number, village_code, child_id, status, "
                        + "status_entered_at, status_deadline, urgent, opened_at, version) values (?, ?, ?, 'RECEIVED', ?, ?, "
                        + "false, ?, 0)", "BENCH-" + n, VILLAGE, child, now, now, now);
                // report ids come from blocks (shared.BlockId), never from AUTO_INCREMENT: the raw client
                // takes them from a range of its own, far above the counter
                long report = RAW_REPORT_IDS + n;
                update(c, "insert into intake_report (id, receipt_number, channel, urgent, occurred_at, received_at, "
                        + "village_code, narrative, child_id, case_id, linked_to_existing, pregnancy_flag, reporter_anonymous, "
                        + "reporter_name, reporter_phone_cipher, submitted_by, submitted_role, police_deadline, version, "
                        + "possible_duplicate) values (?, ?, 'HOTLINE', false, ?, ?, ?, ?, ?, ?, false, false, false, ?, ?, "
                        + "'operator1', 'HOTLINE_OPERATOR', ?, 0, false)", report, "B" + n, now, now, VILLAGE,
                        "邻居来电：孩子身上多处淤青，自述在家被打", child, caseId, "李女士", "v1:cipher-of-the-phone", now);
                update(c, "insert into intake_report_category (report_id, category) values (?, 'MR04')", report);
                update(c, "insert into cases_case_category (case_id, category) values (?, 'MR04')", caseId);
                update(c, "insert into cases_timeline (case_id, occurred_at, actor, kind, event, to_status, reference) "
                        + "values (?, ?, 'operator1', 'OPENED', null, 'RECEIVED', ?)", caseId, now, "B" + n);
                update(c, "insert into audit_entry (occurred_at, actor, action, target_type, target_id, outcome, detail) "
                        + "values (?, 'operator1', 'REPORT_RECEIVED', 'REPORT', ?, 'SUCCESS', ?), "
                        + "(?, 'operator1', 'CASE_OPENED', 'CASE', ?, 'SUCCESS', ?)", now, String.valueOf(report),
                        "receipt B" + n, now, String.valueOf(caseId), "report " + report);
                update(c, "insert into EVENT_PUBLICATION (id, listener_id, event_type, serialized_event, publication_date, "
                        + "status, completion_attempts, completion_date) values (?, 'bench', 'bench', '{}', ?, 'COMPLETED', 0, CURRENT_TIMESTAMP), "
                        + "(?, 'bench', 'bench', '{}', ?, 'COMPLETED', 0, CURRENT_TIMESTAMP), (?, 'bench', 'bench', '{}', ?, 'COMPLETED', 0, CURRENT_TIMESTAMP)",
                        UUID.randomUUID().toString(), now, UUID.randomUUID().toString(), now, UUID.randomUUID().toString(), now);
                c.commit();
            }
            catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** ACCEPT: the case's state with its version checked, one timeline line, one audit row, one outbox row. */
    private void ceilingAccept() throws Exception {
        long[] cs = ceilingCases.poll();
        if (cs == null) {
            throw new IllegalStateException("no raw RECEIVED case left");
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (update(c, "update cases_case set status = 'ASSESSING', status_entered_at = ?, status_deadline = ?, "
                        + "version = version + 1 where id = ? and version = ?", now, now, cs[0], cs[1]) != 1) {
                    throw new IllegalStateException("stale");
                }
                update(c, "insert into cases_timeline (case_id, occurred_at, actor, kind, event, from_status, to_status) "
                        + "values (?, ?, 'supervisor1', 'TRANSITION', 'ACCEPT', 'RECEIVED', 'ASSESSING')", cs[0], now);
                update(c, "insert into audit_entry (occurred_at, actor, action, target_type, target_id, outcome) "
                        + "values (?, 'supervisor1', 'CASE_TRANSITION', 'CASE', ?, 'SUCCESS')", now, String.valueOf(cs[0]));
                update(c, "insert into EVENT_PUBLICATION (id, listener_id, event_type, serialized_event, publication_date, "
                        + "status, completion_attempts, completion_date) values (?, 'bench', 'bench', '{}', ?, 'COMPLETED', 0, CURRENT_TIMESTAMP)",
                        UUID.randomUUID().toString(), now);
                c.commit();
            }
            catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
