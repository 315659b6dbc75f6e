package cn.childprotect.cms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -Pbench verify} (bench/README.md). Eight
 * concurrent clients, each as the school's reporting account, file reports over real HTTP,
 * first with HTTP Basic (a bcrypt check per request), then with a bearer token from
 * {@code POST /api/v1/auth/token} (one bcrypt check per client), in the same run against the
 * same server. Prints reports/s of each and the ratio; asserts nothing about time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CredentialsBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int REPORTS_PER_CLIENT = Integer.getInteger("bench.reports", 40);
    static final int ROUNDS = 4;
    static final String PASSWORD = "test-pass-123";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @Test
    void tokenAgainstBasicWithEightClients() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("school1:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        // warm-up: JIT, connection pools, caches, with both kinds of credential
        run(2, 10, () -> basic);
        String warmToken = token();
        run(2, 10, () -> "Bearer " + warmToken);

        long tokenStart = System.nanoTime();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(token());
        }
        double tokenIssueMillis = (System.nanoTime() - tokenStart) / 1e6 / CLIENTS;
        // alternating rounds, so that a change in the machine's other load hits both alike
        Result basicRun = new Result(0, 0, 0);
        Result tokenRun = new Result(0, 0, 0);
        for (int round = 0; round < ROUNDS; round++) {
            basicRun = basicRun.plus(run(CLIENTS, REPORTS_PER_CLIENT / ROUNDS, () -> basic));
            AtomicInteger next = new AtomicInteger();
            tokenRun = tokenRun.plus(run(CLIENTS, REPORTS_PER_CLIENT / ROUNDS,
                    () -> "Bearer " + tokens.get(next.getAndIncrement() % CLIENTS)));
        }

        StringBuilder out = new StringBuilder("\n===== credentials benchmark: filing reports =====\n");
        out.append("database: ").append(TestDatabase.get().serverVersion()).append('\n');
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format("%d concurrent clients x %d reports each (school1, Idempotency-Key, over HTTP), in %d alternating rounds%n",
                CLIENTS, REPORTS_PER_CLIENT, ROUNDS));
        out.append(String.format("HTTP Basic:   %4d reports in %6.2f s = %7.1f reports/s (%d failed)%n", basicRun.ok,
                basicRun.seconds, basicRun.ok / basicRun.seconds, basicRun.failed));
        out.append(String.format("bearer token: %4d reports in %6.2f s = %7.1f reports/s (%d failed)%n", tokenRun.ok,
                tokenRun.seconds, tokenRun.ok / tokenRun.seconds, tokenRun.failed));
        out.append(String.format("ratio token/Basic: %.1fx; one token costs %.0f ms to issue (once per client per %s)%n",
                (tokenRun.ok / tokenRun.seconds) / (basicRun.ok / basicRun.seconds), tokenIssueMillis, "30 min"));
        out.append("==================================================");
        System.out.println(out);
    }

    record Result(int ok, int failed, double seconds) {

        Result plus(Result other) {
            return new Result(ok + other.ok, failed + other.failed, seconds + other.seconds);
        }
    }

    private Result run(int clients, int perClient, Supplier<String> authorization) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    String auth = authorization.get();
                    for (int i = 0; i < perClient; i++) {
                        try {
                            HttpResponse<String> response = http.send(report(auth), HttpResponse.BodyHandlers.ofString());
                            (response.statusCode() == 201 ? ok : failed).incrementAndGet();
                            if (response.statusCode() != 201 && failed.get() == 1) {
                                System.out.println("first failure: " + response.statusCode() + " " + response.body());
                            }
                        }
                        catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return new Result(ok.get(), failed.get(), (System.nanoTime() - started) / 1e9);
    }

    private HttpRequest report(String authorization) {
        String name = "基准" + UUID.randomUUID().toString().substring(0, 6);
        String body = """
                {"categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"141029100001","narrative":"基准测试：学生身上多处淤青",
                 "child":{"name":"%s","sex":"MALE","villageCode":"141029100001"},
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(name);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private String token() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"school1\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }
}
