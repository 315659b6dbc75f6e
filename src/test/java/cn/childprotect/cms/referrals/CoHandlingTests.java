package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 16: lead and co-handling agencies (主办/协办), extension requests (延期申请), callbacks
 * (回访) with redo, and the agencies' performance (考核).
 */
class CoHandlingTests extends IntegrationTest {

    static final String COUNTY = "141029000000";

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void agencyStaff() {
        for (var agency : Map.of("wf1", "XN-WF", "yl1", "XN-YL", "df1", "XN-DF", "court1", "XN-COURT", "proc1",
                "XN-PROC").entrySet()) {
            users.ensureAccount(new NewUser(agency.getKey(), agency.getKey(), PASSWORD, Role.AGENCY_STAFF, COUNTY, null,
                    null, agency.getValue(), null), false);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long caseReadyForOrders() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    MvcTestResult dispatch(long caseId, String lead, String... co) {
        String coCodes = String.join(",", java.util.Arrays.stream(co).map(c -> "\"" + c + "\"").toList());
        return post("director1", "/api/v1/cases/" + caseId + "/work-orders", """
                {"agencyCode":"%s","coAgencyCodes":[%s],"requestText":"请核实并依职责处置",
                 "sharedSummary":"城关村一名儿童疑似受到忽视"}""".formatted(lead, coCodes));
    }

    MvcTestResult post(String user, String uri, String body) {
        var request = mvc.post().uri(uri).header("Authorization", basic(user));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    MvcTestResult step(String user, long orderId, String step, String body) {
        return post(user, "/api/v1/work-orders/" + orderId + "/" + step, body);
    }

    static long id(MvcTestResult result, String path) {
        return ((Number) read(result, path)).longValue();
    }

    long partOf(MvcTestResult lead, String agency) {
        List<Map<String, Object>> parts = read(lead, "$.parts");
        return parts.stream().filter(p -> agency.equals(p.get("agencyCode"))).map(p -> ((Number) p.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void leadAndTwoCoHandlersCompletionWaitsForEveryPart() {
        long caseId = caseReadyForOrders();
        MvcTestResult lead = dispatch(caseId, "XN-WF", "XN-YL", "XN-DF");
        assertThat(lead).hasStatus(201).bodyJson().extractingPath("$.role").isEqualTo("LEAD");
        assertThat(lead).bodyJson().extractingPath("$.parts.length()").isEqualTo(2);
        long leadId = id(lead, "$.id");
        long yl = partOf(lead, "XN-YL");
        long df = partOf(lead, "XN-DF");

        // each agency sees only its part: the co-handler sees its order and the shared summary, not the lead's parts
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", yl).header("Authorization", basic("yl1")).exchange())
                .hasStatusOk().bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.role").isEqualTo("CO");
                    json.assertThat().extractingPath("$.leadOrderId").asNumber().isEqualTo((int) leadId);
                    json.assertThat().extractingPath("$.sharedSummary").isEqualTo("城关村一名儿童疑似受到忽视");
                    json.assertThat().extractingPath("$.parts.length()").isEqualTo(0);
                });
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", df).header("Authorization", basic("yl1")).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", leadId).header("Authorization", basic("wf1")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.parts.length()").isEqualTo(0);

        // each signs and answers its own part, with its own deadlines; one co-handler returns its part
        assertThat(step("wf1", leadId, "sign", null)).hasStatusOk();
        assertThat(step("yl1", yl, "sign", null)).hasStatusOk();
        assertThat(step("df1", df, "return", "{\"reason\":\"不属于本单位职责\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("RETURNED");
        assertThat(step("wf1", leadId, "respond", "{\"answer\":\"已入户核实，已联系监护人\"}")).hasStatusOk();
        assertThat(step("yl1", yl, "respond", "{\"answer\":\"已安排志愿者陪伴\"}")).hasStatusOk();

        // the lead has answered, but one part is returned: completion waits
        assertThat(step("director1", leadId, "complete", null)).hasStatus(409).bodyJson()
                .extractingPath("$.type").asString().endsWith("work-order-parts-open");
        // a part is completed with its lead, never on its own
        assertThat(step("director1", yl, "complete", null)).hasStatus(409);

        // the returned part goes out again (to the same agency here) and is answered
        assertThat(step("director1", df, "redispatch", null)).hasStatusOk();
        assertThat(step("df1", df, "sign", null)).hasStatusOk();
        assertThat(step("director1", leadId, "complete", null)).hasStatus(409);
        assertThat(step("df1", df, "respond", "{\"answer\":\"已提供康复评估\"}")).hasStatusOk();

        assertThat(step("director1", leadId, "complete", null)).hasStatusOk().bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.status").isEqualTo("COMPLETED");
            json.assertThat().extractingPath("$.parts[0].status").isEqualTo("COMPLETED");
            json.assertThat().extractingPath("$.parts[1].status").isEqualTo("COMPLETED");
        });
    }

    @Test
    void extensionApprovedMovesTheDeadlineKeepsTheOriginalAndIsNoMissAndOneIsRefused() {
        long caseId = caseReadyForOrders();
        long orderId = id(dispatch(caseId, "XN-WF"), "$.id");
        assertThat(step("wf1", orderId, "sign", null)).hasStatusOk();
        // the deadline as stored (the database keeps microseconds)
        Instant original = Instant.parse(read(mvc.get().uri("/api/v1/work-orders/{id}", orderId)
                .header("Authorization", basic("wf1")).exchange(), "$.respondBy"));
        Instant wanted = original.plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        // the agency asks; the dispatcher side decides: a director cannot, a supervisor in scope can
        MvcTestResult asked = post("wf1", "/api/v1/work-orders/" + orderId + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"需等待司法鉴定结果\"}".formatted(wanted));
        assertThat(asked).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        long rid = id(asked, "$.id");
        assertThat(post("wf1", "/api/v1/work-orders/" + orderId + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"再次申请\"}".formatted(wanted))).hasStatus(409);
        assertThat(post("director1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + rid + "/approve", null))
                .hasStatus(403);
        assertThat(post("supervisor2", "/api/v1/work-orders/" + orderId + "/extension-requests/" + rid + "/approve",
                null)).hasStatus(404);
        assertThat(post("supervisor1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + rid + "/approve",
                null)).hasStatusOk().bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.status").isEqualTo("APPROVED");
                    json.assertThat().extractingPath("$.originalDueAt").isEqualTo(original.toString());
                    json.assertThat().extractingPath("$.grantedDueAt").isEqualTo(wanted.toString());
                });
        assertThat(post("supervisor1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + rid + "/refuse",
                "{\"reason\":\"x\"}")).hasStatus(409);

        MvcTestResult order = mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("wf1"))
                .exchange();
        assertThat(order).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.respondBy").isEqualTo(wanted.toString());
            json.assertThat().extractingPath("$.dueAt").isEqualTo(wanted.toString());
            json.assertThat().extractingPath("$.extensionCount").isEqualTo(1);
            json.assertThat().extractingPath("$.extensionRequests[0].originalDueAt").isEqualTo(original.toString());
        });

        // past the original deadline but within the granted one: not overdue, and answered on time
        clock.advance(Duration.between(Instant.now(), original).plus(1, ChronoUnit.DAYS));
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("wf1")).exchange())
                .bodyJson().extractingPath("$.overdue").isEqualTo(false);
        assertThat(step("wf1", orderId, "respond", "{\"answer\":\"鉴定已出，已处置\"}")).hasStatusOk();
        Boolean onTime = jdbc.queryForObject("select responded_at <= respond_by from referrals_work_order where id = ?",
                Boolean.class, orderId);
        assertThat(onTime).isTrue();
        clock.reset();

        // a refused extension: the deadline stays
        long other = id(dispatch(caseReadyForOrders(), "XN-WF"), "$.id");
        assertThat(step("wf1", other, "sign", null)).hasStatusOk();
        Instant due = Instant.parse(read(mvc.get().uri("/api/v1/work-orders/{id}", other)
                .header("Authorization", basic("wf1")).exchange(), "$.respondBy"));
        long refused = id(post("wf1", "/api/v1/work-orders/" + other + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"人手不足\"}".formatted(due.plus(3, ChronoUnit.DAYS))), "$.id");
        assertThat(post("supervisor1", "/api/v1/work-orders/" + other + "/extension-requests/" + refused + "/refuse",
                "{}")).hasStatus(400);
        assertThat(post("supervisor1", "/api/v1/work-orders/" + other + "/extension-requests/" + refused + "/refuse",
                "{\"reason\":\"期限内可以办结\"}")).hasStatusOk().bodyJson().extractingPath("$.status")
                .isEqualTo("REFUSED");
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", other).header("Authorization", basic("wf1")).exchange())
                .bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.respondBy").isEqualTo(due.toString());
                    json.assertThat().extractingPath("$.extensionCount").isEqualTo(0);
                });
    }

    @Autowired
    cn.childprotect.cms.escalations.DeadlineSweep sweep;

    @Test
    void anApprovedExtensionEndsTheEscalationOfTheMissedDeadline() {
        long orderId = id(dispatch(caseReadyForOrders(), "XN-WF"), "$.id");
        assertThat(step("wf1", orderId, "sign", null)).hasStatusOk();
        Timestamp past = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        jdbc.update("update referrals_work_order set respond_by = ?, due_at = ? where id = ?", past, past, orderId);
        sweep.sweep();
        String open = "select count(*) from escalations_item where kind = 'WORK_ORDER_RESPONSE' and source_id = ?"
                + " and status <> 'RESOLVED'";
        assertThat(jdbc.queryForObject(open, Integer.class, orderId)).isPositive();
        long rid = id(post("wf1", "/api/v1/work-orders/" + orderId + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"等待鉴定\"}".formatted(Instant.now().plus(3, ChronoUnit.DAYS))),
                "$.id");
        assertThat(post("supervisor1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + rid + "/approve",
                null)).hasStatusOk();
        assertThat(jdbc.queryForObject(open, Integer.class, orderId)).isZero();
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("wf1")).exchange())
                .bodyJson().extractingPath("$.overdue").isEqualTo(false);
    }

    @Test
    void unsatisfiedCallbackSendsTheOrderBackForRedoAndCallbacksDueIsAWorkList() {
        long caseId = caseReadyForOrders();
        long orderId = id(dispatch(caseId, "XN-YL"), "$.id");
        step("yl1", orderId, "sign", null);
        step("yl1", orderId, "respond", "{\"answer\":\"已处置\"}");
        assertThat(step("director1", orderId, "complete", null)).hasStatusOk();

        // the completed order is on the operators' callbacks-due list
        assertThat(mvc.get().uri("/api/v1/work-orders/callbacks-due").header("Authorization", basic("operator1"))
                .exchange()).hasStatusOk().bodyJson().extractingPath("$[*].workOrderId").asList()
                .contains((int) orderId);
        assertThat(mvc.get().uri("/api/v1/work-orders/callbacks-due").header("Authorization", basic("yl1"))
                .exchange()).hasStatus(403);

        // the agency cannot call back; unsatisfied needs a comment
        assertThat(post("yl1", "/api/v1/work-orders/" + orderId + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}")).hasStatus(403);
        assertThat(post("operator1", "/api/v1/work-orders/" + orderId + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"UNSATISFIED\"}")).hasStatus(400);
        assertThat(post("operator1", "/api/v1/work-orders/" + orderId + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"UNSATISFIED\",\"comment\":\"家长反映无人上门\"}"))
                .hasStatus(201).bodyJson().extractingPath("$.redo").isEqualTo(true);

        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("yl1")).exchange())
                .bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.status").isEqualTo("SIGNED");
                    json.assertThat().extractingPath("$.redoCount").isEqualTo(1);
                    json.assertThat().extractingPath("$.history[-1].action").isEqualTo("REDO");
                    json.assertThat().extractingPath("$.history[-1].note").isEqualTo("家长反映无人上门");
                    // the callback's outcome is a message in the reader's language, the comment as written
                    json.assertThat().extractingPath("$.history[-2].action").isEqualTo("RECORD_CALLBACK");
                    json.assertThat().extractingPath("$.history[-2].note").isEqualTo("不满意；家长反映无人上门");
                });
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("yl1"))
                .header("Accept-Language", "en").exchange()).bodyJson().extractingPath("$.history[-2].note")
                .isEqualTo("Unsatisfied; 家长反映无人上门");
        assertThat(mvc.get().uri("/api/v1/work-orders/callbacks-due").header("Authorization", basic("operator1"))
                .exchange()).bodyJson().extractingPath("$[*].workOrderId").asList().doesNotContain((int) orderId);

        // redone, completed again, and a satisfied callback closes the loop
        step("yl1", orderId, "respond", "{\"answer\":\"已入户\"}");
        assertThat(step("director1", orderId, "complete", null)).hasStatusOk();
        assertThat(post("director1", "/api/v1/work-orders/" + orderId + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}")).hasStatus(201).bodyJson()
                .extractingPath("$.redo").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", orderId).header("Authorization", basic("director1"))
                .exchange()).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");
    }

    @Test
    void performanceFiguresOfAFixture() {
        long caseId = caseReadyForOrders();
        // order A: lead COURT with co-handler PROC; COURT's extension approved; an unsatisfied callback redoes both
        MvcTestResult a = dispatch(caseId, "XN-COURT", "XN-PROC");
        long lead = id(a, "$.id");
        long part = partOf(a, "XN-PROC");
        Instant due = Instant.parse(read(step("court1", lead, "sign", null), "$.respondBy"));
        long rid = id(post("court1", "/api/v1/work-orders/" + lead + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"等待材料\"}".formatted(due.plus(5, ChronoUnit.DAYS))), "$.id");
        post("supervisor1", "/api/v1/work-orders/" + lead + "/extension-requests/" + rid + "/approve", null);
        step("proc1", part, "sign", null);
        step("proc1", part, "respond", "{\"answer\":\"已审查\"}");
        step("court1", lead, "respond", "{\"answer\":\"已裁定\"}");
        assertThat(step("director1", lead, "complete", null)).hasStatusOk();
        post("operator1", "/api/v1/work-orders/" + lead + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"UNSATISFIED\",\"comment\":\"未告知结果\"}");
        step("court1", lead, "respond", "{\"answer\":\"已告知\"}");
        step("proc1", part, "respond", "{\"answer\":\"已告知\"}");
        assertThat(step("director1", lead, "complete", null)).hasStatusOk();
        post("operator1", "/api/v1/work-orders/" + lead + "/callbacks", "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}");
        post("operator1", "/api/v1/work-orders/" + lead + "/callbacks", "{\"reached\":false}");

        // order B: COURT returns it, gets it again and signs late
        long b = id(dispatch(caseId, "XN-COURT"), "$.id");
        step("court1", b, "return", "{\"reason\":\"材料不全\"}");
        step("director1", b, "redispatch", null);
        Timestamp past = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        jdbc.update("update referrals_work_order set sign_by = ?, due_at = ? where id = ?", past, past, b);
        step("court1", b, "sign", null);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        MvcTestResult result = mvc.get().uri("/api/v1/agencies/performance?from={f}&to={t}", today.minusDays(1),
                today.plusDays(1)).header("Authorization", basic("county1")).exchange();
        assertThat(result).hasStatusOk();
        Map<String, Object> court = row(result, "XN-COURT");
        assertThat(court).containsEntry("received", 2).containsEntry("signedOnTime", 1)
                .containsEntry("answeredOnTime", 1).containsEntry("returned", 1).containsEntry("extended", 1)
                .containsEntry("redone", 1).containsEntry("callbacks", 2).containsEntry("satisfied", 1)
                .containsEntry("basicallySatisfied", 0).containsEntry("unsatisfied", 1)
                .containsEntry("satisfactionRate", 0.5);
        Map<String, Object> proc = row(result, "XN-PROC");
        assertThat(proc).containsEntry("received", 1).containsEntry("signedOnTime", 1)
                .containsEntry("answeredOnTime", 1).containsEntry("returned", 0).containsEntry("extended", 0)
                .containsEntry("redone", 1).containsEntry("callbacks", 0);

        // supervisors only; a bad period is a 400
        assertThat(mvc.get().uri("/api/v1/agencies/performance?from={f}&to={t}", today, today)
                .header("Authorization", basic("director1")).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/agencies/performance?from={f}&to={t}", today, today.minusDays(2))
                .header("Authorization", basic("county1")).exchange()).hasStatus(400);
    }

    static Map<String, Object> row(MvcTestResult result, String agency) {
        List<Map<String, Object>> rows = read(result, "$");
        return rows.stream().filter(r -> agency.equals(r.get("agencyCode"))).findFirst().orElseThrow();
    }
}
