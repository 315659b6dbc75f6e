package cn.childprotect.cms.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/**
 * Not a test: a benchmark ({@code -Pbench}, bench/README.md). Starts the service in a JVM of its
 * own with {@code -Xmx512m} (the embedded profile's demo accounts, the database of MYSQL_URL,
 * port {@code bench.load.port}), logs in 200 simulated users (demo accounts reused, a bearer token
 * each from {@code POST /api/v1/auth/token}) and lets them work for a fixed time: each user, in a
 * loop, thinks 1–4 s (uniform; {@code bench.load.thinkMin/MaxMs}) and then does one operation of a
 * realistic mix — work lists of supervisors and directors (several filters, a next page by its
 * key), a case file, a case's timeline, the escalation queue, a hotline filing, a transition
 * (ACCEPT of a case filed in the run, after reading its file for the ETag). Prints p50/p95/p99 per
 * operation and overall, the errors (status ≥ 400 other than the expected, timeouts) and the
 * throughput. Asserts nothing about time.
 */
class LoadBenchmark {

    static final int USERS = Integer.getInteger("bench.load.users", 200);
    static final int SECONDS = Integer.getInteger("bench.load.seconds", 180);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.load.warmup", 45);
    static final int THINK_MIN = Integer.getInteger("bench.load.thinkMinMs", 1_000);
    static final int THINK_MAX = Integer.getInteger("bench.load.thinkMaxMs", 4_000);
    static final int PORT = Integer.getInteger("bench.load.port", 18083);
    static final String HEAP = System.getProperty("bench.load.heap", "512m");
    static final int START_MINUTES = Integer.getInteger("bench.load.startMinutes", 15);
    static final String PASSWORD = "load-pass-123";
    static final String VILLAGE = "141029100001";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    final ConcurrentLinkedQueue<Long> filedCases = new ConcurrentLinkedQueue<>();
    final Map<String, List<Double>> times = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final Map<String, String> firstError = new ConcurrentHashMap<>();
    volatile boolean recording;
    volatile boolean stop;

    /** A simulated user: an account, its token and what it does. */
    record User(String username, String token, Role role) {
    }

    enum Role { SUPERVISOR, DIRECTOR, OPERATOR, REPORTER }

    @Test
    void twoHundredUsersAgainstA512MegabyteHeap() throws Exception {
        String url = System.getenv("MYSQL_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "the benchmark needs MYSQL_URL (MySQL or MariaDB)");
        Path work = Files.createTempDirectory("cms-load");
        Path log = work.resolve("service.log");
        Process service = start(url, work, log);
        // the service goes with the benchmark's JVM, also when that one is stopped
        Thread reaper = new Thread(service::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            awaitUp(service, log);
            List<User> users = logIn();
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            long started = System.nanoTime();
            for (User user : users) {
                pool.submit(() -> work(user));
            }
            Thread.sleep(WARMUP_SECONDS * 1_000L);
            times.clear();
            errors.clear();
            recording = true;
            long timedStart = System.nanoTime();
            double loadBefore = loadAverage();
            Thread.sleep(SECONDS * 1_000L);
            recording = false;
            double timed = (System.nanoTime() - timedStart) / 1e9;
            double loadAfter = loadAverage();
            stop = true;
            pool.shutdown();
            pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            print(users.size(), timed, loadBefore, loadAfter, service, (System.nanoTime() - started) / 1e9);
        }
        finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    // --- the service ---------------------------------------------------------------------------

    /** The application's classes and libraries as the test JVM has them, without the test classes. */
    private Process start(String url, Path work, Path log) throws Exception {
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + HEAP, "-cp", classpath, "cn.childprotect.cms.CmsApplication",
                "--server.port=" + PORT, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + env("MYSQL_USER", "root"),
                "--spring.datasource.password=" + env("MYSQL_PASSWORD", ""),
                // a JVM starting on a loaded machine can miss the server's 10 s handshake limit: try again
                "--spring.flyway.connect-retries=20", "--cms.demo.enabled=true", "--cms.demo.cases=false", "--cms.demo.password=" + PASSWORD,
                // nothing listens there: the outbox's mails fail at once and are retried later, as in an SMTP outage
                "--spring.mail.port=1", "--logging.level.root=WARN");
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CMS_PII_KEY", randomKey());
        builder.environment().put("CMS_TOKEN_KEY", randomKey());
        builder.environment().put("CMS_SEED_DIR", Path.of(System.getProperty("user.dir"), "config", "seed").toString());
        return builder.start();
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void awaitUp(Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(START_MINUTES).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            }
            catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the service did not start in " + START_MINUTES + " minutes:\n"
                + Files.readString(log));
    }

    private List<User> logIn() throws Exception {
        Map<String, Role> accounts = new LinkedHashMap<>();
        accounts.put("supervisor1", Role.SUPERVISOR);
        accounts.put("county1", Role.SUPERVISOR);
        accounts.put("supervisor2", Role.SUPERVISOR);
        accounts.put("director1", Role.DIRECTOR);
        accounts.put("director2", Role.DIRECTOR);
        accounts.put("operator1", Role.OPERATOR);
        accounts.put("school1", Role.REPORTER);
        List<String> names = new ArrayList<>(accounts.keySet());
        List<User> users = new ArrayList<>();
        // a third supervisors, a third directors, the rest filing: the hotline and reporters
        for (int i = 0; i < USERS; i++) {
            String name = switch (i % 9) {
                case 0, 1, 2 -> names.get(i % 3);
                case 3, 4, 5 -> names.get(3 + i % 2);
                case 6, 7 -> "operator1";
                default -> "school1";
            };
            users.add(new User(name, token(name), accounts.get(name)));
        }
        return users;
    }

    private String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }

    // --- the users -----------------------------------------------------------------------------

    private void work(User user) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            // users do not all start at the same instant
            Thread.sleep(random.nextInt(THINK_MAX));
            while (!stop) {
                int dice = random.nextInt(100);
                switch (user.role()) {
                    case SUPERVISOR -> {
                        if (dice < 30) {
                            get(user, "list: triage by deadline", "/api/v1/cases?status=RECEIVED&sort=statusDeadline,asc&size=50");
                        }
                        else if (dice < 45) {
                            get(user, "list: default", "/api/v1/cases?size=50");
                        }
                        else if (dice < 52) {
                            nextPage(user);
                        }
                        else if (dice < 60) {
                            get(user, "list: overdue", "/api/v1/cases?overdue=true&size=50");
                        }
                        else if (dice < 68) {
                            get(user, "escalation queue", "/api/v1/escalations?size=50");
                        }
                        else if (dice < 88) {
                            accept(user);
                        }
                        else {
                            caseFile(user, "/api/v1/cases?status=ASSESSING&size=20");
                        }
                    }
                    case DIRECTOR -> {
                        if (dice < 45) {
                            get(user, "list: my cases", "/api/v1/cases?assignee=me&sort=statusDeadline,asc&size=50");
                        }
                        else if (dice < 80) {
                            // a director opens the files of the cases assigned to them
                            caseFile(user, "/api/v1/cases?assignee=me&size=20");
                        }
                        else {
                            get(user, "list: default", "/api/v1/cases?size=50");
                        }
                    }
                    case REPORTER -> file(user);
                    case OPERATOR -> {
                        if (dice < 70) {
                            file(user);
                        }
                        else {
                            get(user, "list: default", "/api/v1/cases?size=50");
                        }
                    }
                }
                Thread.sleep(THINK_MIN + random.nextInt(THINK_MAX - THINK_MIN + 1));
            }
        }
        catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(User user, String operation, String path) {
        return send(operation, HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + user.token()).GET()
                .build(), 200);
    }

    private void nextPage(User user) {
        HttpResponse<String> first = get(user, "list: default", "/api/v1/cases?size=50");
        if (first == null) {
            return;
        }
        String next = JsonPath.read(first.body(), "$.next");
        if (next != null) {
            get(user, "list: next page (seek)", "/api/v1/cases?size=50&page=1&after="
                    + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
    }

    /** A list, then the file and the timeline of one of its cases. */
    private void caseFile(User user, String list) {
        HttpResponse<String> page = get(user, "list: for a case file", list);
        if (page == null) {
            return;
        }
        List<Integer> ids = JsonPath.read(page.body(), "$.items[*].id");
        if (ids.isEmpty()) {
            return;
        }
        int id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        get(user, "case file", "/api/v1/cases/" + id);
        get(user, "case timeline", "/api/v1/cases/" + id + "/timeline");
    }

    private void file(User user) {
        String name = TestIds.uniqueName();
        String body = user.role() == Role.OPERATOR ? """
                {"channel":"HOTLINE","categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"%s","narrative":"邻居来电：孩子身上多处淤青，自述在家被打",
                 "child":{"name":"%s","villageCode":"%s"},
                 "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(VILLAGE, name, VILLAGE)
                : """
                {"categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"%s","narrative":"学生身上多处淤青",
                 "child":{"name":"%s","sex":"MALE","villageCode":"%s"},
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(VILLAGE, name, VILLAGE);
        HttpResponse<String> response = send("filing", HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), 201);
        if (response != null) {
            Number caseId = JsonPath.read(response.body(), "$.caseId");
            if (caseId != null) {
                filedCases.add(caseId.longValue());
            }
        }
    }

    /** ACCEPT of a case filed in this run: its file first (the ETag is its version), then the transition. */
    private void accept(User user) {
        // the run's filings are in a village of supervisor1's township (and county1's county)
        Long id = user.username().equals("supervisor2") ? null : filedCases.poll();
        if (id == null) {
            get(user, "list: triage by deadline", "/api/v1/cases?status=RECEIVED&sort=statusDeadline,asc&size=50");
            return;
        }
        HttpResponse<String> file = get(user, "case file", "/api/v1/cases/" + id);
        if (file == null) {
            return;
        }
        String etag = file.headers().firstValue("ETag").orElse("\"0\"");
        send("transition ACCEPT", HttpRequest.newBuilder(uri("/api/v1/cases/" + id + "/transitions"))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"ACCEPT\"}")).build(),
                200);
    }

    /** One timed request; null when it failed (counted as an error of its operation). */
    private HttpResponse<String> send(String operation, HttpRequest request, int expected) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request, (k, v) -> true)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            record(operation, t);
            if (response.statusCode() != expected) {
                error(operation, response.statusCode() + " " + response.body());
                return null;
            }
            return response;
        }
        catch (Exception e) {
            record(operation, t);
            error(operation, e.toString());
            return null;
        }
    }

    private void record(String operation, long startedNanos) {
        if (recording) {
            times.computeIfAbsent(operation, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - startedNanos) / 1e6);
        }
    }

    private void error(String operation, String what) {
        if (recording) {
            errors.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
            firstError.putIfAbsent(operation, what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    // --- the figures ---------------------------------------------------------------------------

    private void print(int users, double seconds, double loadBefore, double loadAfter, Process service,
            double total) {
        StringBuilder out = new StringBuilder("\n===== load benchmark =====\n");
        out.append(String.format("%d users (bearer tokens, demo accounts reused), think time %d–%d ms, %d s warm-up, "
                + "%.0f s timed; service in its own JVM with -Xmx%s on port %d against %s%n", users, THINK_MIN, THINK_MAX,
                WARMUP_SECONDS, seconds, HEAP, PORT, System.getenv("MYSQL_URL")));
        out.append(String.format("machine: %d cores, Java %s, load average %.1f before and %.1f after the timed part%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter));
        out.append(String.format("%-28s %8s %9s %9s %9s %9s %7s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "errors"));
        List<Double> all = new ArrayList<>();
        long errorCount = 0;
        for (String operation : new java.util.TreeSet<>(times.keySet())) {
            double[] ms = times.get(operation).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            all.addAll(times.get(operation));
            long failed = errors.getOrDefault(operation, new AtomicLong()).get();
            errorCount += failed;
            out.append(String.format("%-28s %8d %9.1f %9.1f %9.1f %9.1f %7d%n", operation, ms.length, pct(ms, 50),
                    pct(ms, 95), pct(ms, 99), ms[ms.length - 1], failed));
        }
        double[] ms = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.append(String.format("%-28s %8d %9.1f %9.1f %9.1f %9.1f %7d%n", "all", ms.length, pct(ms, 50), pct(ms, 95),
                pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1], errorCount));
        out.append(String.format("throughput: %.1f requests/s; errors: %d (%.2f %%)%n", ms.length / seconds, errorCount,
                ms.length == 0 ? 0 : 100.0 * errorCount / ms.length));
        firstError.forEach((operation, what) -> out.append("  first error of ").append(operation).append(": ")
                .append(what).append('\n'));
        out.append(String.format("service alive at the end: %s (whole run %.0f s)%n", service.isAlive(), total));
        out.append("==========================");
        System.out.println(out);
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
