package cn.childprotect.cms.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.notifications.OutboxRetry;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.MachineAccounts;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 5: the 12345 exchange against a fake 12345 platform (a JDK HttpServer that is
 * down — 503 — for the first two pushes).
 */
@ExtendWith(OutputCaptureExtension.class)
class Exchange12345Tests extends IntegrationTest {

    static final String SECRET = "test-shared-secret";

    /** The fake platform: every push it got, and whether it accepted it (2xx). */
    record Push(String eventId, String signature, String body, boolean accepted) {
    }

    static HttpServer platform;
    static final List<Push> pushes = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger refuseNext = new AtomicInteger();

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/feedback", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean down = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            pushes.add(new Push(exchange.getRequestHeaders().getFirst("X-12345-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-12345-Signature"), body, !down));
            exchange.sendResponseHeaders(down ? 503 : 204, -1);
            exchange.close();
        });
        platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop(0);
    }

    @DynamicPropertySource
    static void platformEndpoint(DynamicPropertyRegistry registry) {
        registry.add("cms.exchange.p12345.feedback-url",
                () -> "http://127.0.0.1:" + platform.getAddress().getPort() + "/feedback");
        registry.add("cms.exchange.p12345.hmac-secret", () -> SECRET);
        registry.add("cms.exchange.p12345.max-attempts", () -> "3");
    }

    @Autowired
    MachineAccounts machines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRetry outboxRetry;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    String apiKey;

    @BeforeEach
    void exchangeAccount() {
        String username = "p12345-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = machines.create(new NewUser(username, "12345", null, Role.EXCHANGE_12345, "141029000000", null, null,
                null, null), "test", "admin").key();
    }

    MvcTestResult send(String ticketNumber) {
        return mvc.post().uri("/api/v1/exchange/12345/tickets").header("X-API-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"ticketNumber":"%s","receivedAt":"2026-11-20T02:00:00Z",
                         "caller":{"name":"李女士","phone":"13800138000"},
                         "content":"邻居反映城关村有一名约 8 岁男孩长期无人照看，经常挨饿",
                         "classification":["GD01"],"villageCode":"141029100001","urgency":"NORMAL",
                         "child":{"sex":"MALE","estimatedAge":8}}""".formatted(ticketNumber))
                .exchange();
    }

    @Test
    void aTicketSentTwiceFilesOneReport() {
        String ticket = "T" + System.nanoTime();
        MvcTestResult first = send(ticket);
        assertThat(first).hasStatus(201);
        String receipt = read(first, "$.receiptNumber");
        assertThat(send(ticket)).hasStatusOk().bodyJson().satisfies(again -> {
            again.assertThat().extractingPath("$.receiptNumber").isEqualTo(receipt);
            again.assertThat().extractingPath("$.replayed").isEqualTo(true);
        });
        assertThat(jdbc.queryForObject("select count(*) from intake_report where receipt_number = ?", Integer.class,
                receipt)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from intake_report where narrative like ?", Integer.class,
                "%" + ticket + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select channel from intake_report where receipt_number = ?", String.class,
                receipt)).isEqualTo("REFERRAL_12345");
    }

    @Test
    void thePlatformDownForTwoPushesStillGetsEachStatusExactlyOnceSigned() throws Exception {
        refuseNext.set(2);
        String ticket = "T" + System.nanoTime();
        MvcTestResult filed = send(ticket);
        assertThat(filed).hasStatus(201);
        String receipt = read(filed, "$.receiptNumber");

        // 受理: pushed after commit, refused twice, resubmitted by the outbox until accepted
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outboxRetry.resubmitDue();
            return accepted(ticket, "ACCEPTED").size() == 1;
        });
        assertThat(pushesOf(ticket).stream().filter(p -> !p.accepted()).count()).isEqualTo(2);

        // 办结: the case of the ticket is closed (the case module's event, in a transaction)
        Long caseId = jdbc.queryForObject("select case_id from exchange_ticket where ticket_number = ?", Long.class,
                ticket);
        assertThat(caseId).isNotNull();
        tx.executeWithoutResult(status -> events.publishEvent(new CaseStatusChanged(caseId, "141029100001",
                CaseEvent.APPROVE_CLOSURE, CaseStatus.PENDING_CLOSURE, CaseStatus.CLOSED, "supervisor1", null, null, null,
                null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outboxRetry.resubmitDue();
            return accepted(ticket, "COMPLETED").size() == 1;
        });

        // more resubmissions push nothing again: each status exactly once, each event id once accepted
        outboxRetry.resubmitDue();
        outboxRetry.resubmitDue();
        List<Push> accepted = pushesOf(ticket).stream().filter(Push::accepted).toList();
        assertThat(accepted).hasSize(2);
        assertThat(accepted.stream().map(Push::eventId).distinct()).hasSize(2);
        Map<String, Long> perEvent = pushesOf(ticket).stream()
                .collect(Collectors.groupingBy(Push::eventId, Collectors.counting()));
        assertThat(perEvent.values()).containsExactlyInAnyOrder(3L, 1L);
        for (Push push : pushesOf(ticket)) {
            assertThat(push.signature()).isEqualTo("sha256=" + FeedbackPusher.sign(
                    push.body().getBytes(StandardCharsets.UTF_8), SECRET));
            Map<String, Object> body = json.readValue(push.body(), Map.class);
            assertThat(body).containsEntry("eventId", push.eventId()).containsEntry("receiptNumber", receipt)
                    .containsEntry("ticketNumber", ticket);
            // never the child's or the caller's identity
            assertThat(push.body()).doesNotContain("李女士", "13800138000");
        }
        Map<String, Object> completed = json.readValue(accepted(ticket, "COMPLETED").get(0).body(), Map.class);
        assertThat((String) completed.get("replyText")).isNotBlank();
    }

    /** One WARN line per refused push with the status code, no stack trace; one ERROR when the exchange gives up. */
    @Test
    void aRefusedPushIsOneWarnLinePerAttemptAndOneErrorWhenTheExchangeGivesUp(CapturedOutput output) {
        refuseNext.set(3);
        String ticket = "T" + System.nanoTime();
        assertThat(send(ticket)).hasStatus(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outboxRetry.resubmitDue();
            return jdbc.queryForObject("select count(*) from exchange_feedback_attempt where ticket_number = ? "
                    + "and given_up_at is not null", Integer.class, ticket) == 1;
        });
        // given up: the publication is complete, more resubmissions push nothing
        outboxRetry.resubmitDue();
        outboxRetry.resubmitDue();
        assertThat(pushesOf(ticket)).hasSize(3).noneMatch(Push::accepted);
        assertThat(jdbc.queryForObject("select attempts from exchange_feedback_attempt where ticket_number = ?",
                Integer.class, ticket)).isEqualTo(3);

        List<String> lines = output.getAll().lines().filter(line -> line.contains(ticket)).toList();
        assertThat(lines.stream().filter(line -> line.contains(" WARN ") && line.contains("answered 503")))
                .hasSize(2);
        assertThat(lines.stream().filter(line -> line.contains(" ERROR ") && line.contains("given up after 3 attempts")))
                .hasSize(1);
        assertThat(lines).noneMatch(line -> line.contains(" ERROR ") && !line.contains("given up"));
        assertThat(output.getAll()).doesNotContain("Unexpected exception occurred invoking async method");
    }

    @Test
    void theExchangeAccountGets403OnEveryOtherEndpoint() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("src/test/resources/authorization-matrix.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(rows).hasSizeGreaterThan(40);
        int checked = 0;
        for (String row : rows) {
            String[] parts = row.trim().split("\\s+");
            String method = parts[0];
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            if (path.equals("/api/v1/exchange/12345/tickets")) {
                continue;
            }
            var request = mvc.method(HttpMethod.valueOf(method)).uri(path).header("X-API-Key", apiKey);
            if (!method.equals("GET") && !method.equals("DELETE")) {
                request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            assertThat(request.exchange()).as(method + " " + path).hasStatus(403);
            checked++;
        }
        assertThat(checked).isEqualTo(rows.size() - 1);
        // and a page of the browser side is no way round either
        assertThat(mvc.get().uri("/cases").header("X-API-Key", apiKey).exchange().getResponse().getStatus())
                .isNotEqualTo(200);
    }

    List<Push> pushesOf(String ticket) {
        synchronized (pushes) {
            return pushes.stream().filter(p -> p.body().contains(ticket)).toList();
        }
    }

    List<Push> accepted(String ticket, String status) {
        return pushesOf(ticket).stream().filter(Push::accepted)
                .filter(p -> p.body().contains("\"status\":\"" + status + "\"")).toList();
    }
}
