package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class WorkOrderTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SlaPolicy sla;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    WorkOrderDesk desk;

    /** Moves the deadline of the order's current step into the past, as if the agency had let it pass. */
    void makeOverdue(long orderId, Instant dueAt) {
        Timestamp past = Timestamp.from(dueAt);
        jdbc.update("""
                update referrals_work_order set due_at = ?,
                  sign_by = case when status = 'DISPATCHED' then ? else sign_by end,
                  respond_by = case when status = 'SIGNED' then ? else respond_by end
                where id = ?""", past, past, past, orderId);
    }

    void makeOverdue(long orderId) {
        makeOverdue(orderId, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    static Instant instant(MvcTestResult result, String path) {
        return Instant.parse(read(result, path));
    }

    long caseReadyForOrders() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    MvcTestResult dispatch(String user, long caseId, String agency) {
        return mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId).header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"agencyCode":"%s","requestText":"请核查监护人是否存在家庭暴力行为并依法处置",
                         "sharedSummary":"城关村一名 9 岁男孩身上多处淤青，疑似家庭暴力"}""".formatted(agency)).exchange();
    }

    MvcTestResult step(String user, long orderId, String step, String body) {
        var request = mvc.post().uri("/api/v1/work-orders/{id}/" + step, orderId).header("Authorization", basic(user));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    long orderId(MvcTestResult result) {
        return ((Number) read(result, "$.id")).longValue();
    }

    @Test
    void dispatchSignRespondComplete() {
        long caseId = caseReadyForOrders();
        MvcTestResult dispatched = dispatch("director1", caseId, "XN-PS");
        assertThat(dispatched).hasStatus(201).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("DISPATCHED");
            assertThat(json).extractingPath("$.signBy").isNotNull();
            assertThat(json).extractingPath("$.agencyName").isEqualTo("乡宁县公安局");
        });
        long id = orderId(dispatched);
        assertThat(mvc.get().uri("/api/v1/work-orders?mine=true&status=DISPATCHED").header("Authorization", basic("police1")))
                .hasStatusOk().bodyJson().extractingPath("$.items[*].id").asArray().contains((int) id);
        assertThat(step("police1", id, "sign", null)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("SIGNED");
            assertThat(json).extractingPath("$.respondBy").isNotNull();
        });
        assertThat(step("police1", id, "respond", "{\"answer\":\"已出警核实，对监护人予以训诫并出具告诫书\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RESPONDED");
        assertThat(step("director1", id, "complete", null)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("COMPLETED");
            assertThat(json).extractingPath("$.history[*].action").asArray()
                    .containsExactly("DISPATCH", "SIGN", "RESPOND", "COMPLETE");
        });
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[?(@.kind=='WORK_ORDER')].reference").asArray().hasSize(4);
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.sections.workOrders[0].status").isEqualTo("COMPLETED");
    }

    @Test
    void returnRedispatchReopenRevokeAndUrge() {
        long caseId = caseReadyForOrders();
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        assertThat(step("supervisor1", id, "urge", "{\"note\":\"请今日内签收\"}")).hasStatus(409)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/work-order-not-overdue");
                    assertThat(json).extractingPath("$.title").isEqualTo("工单尚未逾期");
                });
        makeOverdue(id);
        assertThat(step("supervisor1", id, "urge", "{}")).hasStatus(400);
        assertThat(step("supervisor1", id, "urge", "{\"note\":\"请今日内签收\"}")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.urgeCount").isEqualTo(1);
                    assertThat(json).extractingPath("$.status").isEqualTo("DISPATCHED");
                    assertThat(json).extractingPath("$.history[*].action").asArray().containsExactly("DISPATCH", "URGE");
                });
        assertThat(step("director1", id, "urge", "{\"note\":\"快\"}")).hasStatus(403);
        assertThat(step("police1", id, "urge", "{\"note\":\"快\"}")).hasStatus(403);
        assertThat(step("supervisor2", id, "urge", "{\"note\":\"快\"}")).hasStatus(404);
        assertThat(step("police1", id, "return", "{}")).hasStatus(400);
        assertThat(step("police1", id, "return", "{\"reason\":\"属于教育部门职责\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("RETURNED");
        assertThat(step("police1", id, "sign", null)).hasStatus(409);
        assertThat(step("director1", id, "redispatch", "{\"agencyCode\":\"XN-EDU\",\"note\":\"改派教育局\"}")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("DISPATCHED");
                    assertThat(json).extractingPath("$.agencyCode").isEqualTo("XN-EDU");
                });
        // now the police no longer see it
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", id).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(step("director1", id, "revoke", "{}")).hasStatus(400);
        assertThat(step("director1", id, "revoke", "{\"reason\":\"教育局已在跟进\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.history[*].action").asArray()
                .containsExactly("DISPATCH", "URGE", "RETURN", "REDISPATCH", "REVOKE");
        assertThat(step("director1", id, "reopen", "{\"reason\":\"x\"}")).hasStatus(409);
        assertThat(step("director1", id, "redispatch", null)).hasStatus(409);

        long second = orderId(dispatch("supervisor1", caseId, "XN-PS"));
        step("police1", second, "sign", null);
        step("police1", second, "respond", "{\"answer\":\"已核实\"}");
        assertThat(step("director1", second, "reopen", "{\"reason\":\"反馈不完整，请补充告诫书编号\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("SIGNED");
        assertThat(step("director1", second, "revoke", "{\"reason\":\"已由法院处理\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("REVOKED");
        assertThat(step("director1", second, "revoke", "{\"reason\":\"再次\"}")).hasStatus(409)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/invalid-work-order-step");
    }

    @Test
    void illegalStepsAreRefused() {
        long caseId = caseReadyForOrders();
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        assertThat(step("police1", id, "respond", "{\"answer\":\"x\"}")).hasStatus(409);
        assertThat(step("police1", id, "complete", null)).hasStatus(403);
        assertThat(step("director1", id, "sign", null)).hasStatus(403);
        assertThat(step("director1", id, "complete", null)).hasStatus(409);
        assertThat(step("director1", id, "reopen", "{\"reason\":\"x\"}")).hasStatus(409);
        assertThat(step("director1", id, "redispatch", null)).hasStatus(409);
        assertThat(step("police1", id, "sign", null)).hasStatusOk();
        assertThat(step("police1", id, "sign", null)).hasStatus(409);
        assertThat(step("police1", id, "respond", "{}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("answer");
        assertThat(step("police1", id, "respond", "{\"answer\":\"已出警\"}")).hasStatusOk();
        assertThat(step("police1", id, "return", "{\"reason\":\"不属于本部门\"}")).hasStatus(409)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/invalid-work-order-step");
                    assertThat(json).extractingPath("$.title").isEqualTo("工单当前状态不允许此操作");
                    assertThat(json).extractingPath("$.detail").isEqualTo("工单处于“已反馈”状态，不能退回");
                    assertThat(json).extractingPath("$.currentStatus").isEqualTo("RESPONDED");
                });
        assertThat(step("police1", id, "respond", "{\"answer\":\"再次\"}")).hasStatus(409);
        assertThat(step("police1", id, "reopen", "{\"reason\":\"x\"}")).hasStatus(403);
        assertThat(step("director2", id, "revoke", "{\"reason\":\"x\"}")).hasStatus(404);
        assertThat(step("director1", id, "complete", null)).hasStatusOk();
        assertThat(step("director1", id, "complete", null)).hasStatus(409);
        assertThat(step("director1", id, "revoke", "{\"reason\":\"x\"}")).hasStatus(409);
        makeOverdue(id);
        assertThat(step("supervisor1", id, "urge", "{\"note\":\"x\"}")).hasStatus(409);
    }

    @Test
    void agencyStaffSeeOnlyTheirOrdersNeverTheCaseFileOrTheReporter() {
        long caseId = caseReadyForOrders();
        long toPolice = orderId(dispatch("director1", caseId, "XN-PS"));
        long toCivil = orderId(dispatch("director1", caseId, "XN-CA"));
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", toPolice).header("Authorization", basic("police1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.sharedSummary").asString().contains("淤青");
                    assertThat(json).extractingPath("$.caseNumber").isNotNull();
                    assertThat(json).doesNotHavePath("$.reporter");
                });
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", toCivil).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/work-orders", caseId).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/cases").header("Authorization", basic("police1"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/work-orders?mine=true").header("Authorization", basic("director1"))).hasStatus(403);
    }

    @Test
    void closingACaseWithAnOpenOrderIsRefusedWithTheGuardsMessage() {
        long caseId = caseReadyForOrders();
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatusOk();
        writePlan("director1", caseId);
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatus(422)
                .bodyJson().extractingPath("$.detail").asString().contains("未被签收");
        step("police1", id, "sign", null);
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatusOk();
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "目标达成")).hasStatus(422)
                .bodyJson().extractingPath("$.detail").isEqualTo("还有未办结的工单，不能申请结案：请先办结或撤回所有工单");
        step("police1", id, "respond", "{\"answer\":\"已处置\"}");
        step("director1", id, "complete", null);
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "目标达成")).hasStatusOk();
    }

    @Test
    void dispatchRules() {
        long received = fixtures.openInVillage1().id();
        assertThat(dispatch("supervisor1", received, "XN-PS")).hasStatus(409).bodyJson()
                .extractingPath("$.title").isEqualTo("个案当前状态不能派单");
        long caseId = caseReadyForOrders();
        assertThat(dispatch("director1", caseId, "NOPE")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("agencyCode");
        String late = Instant.now().plus(60, ChronoUnit.DAYS).toString();
        assertThat(mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"agencyCode":"XN-PS","requestText":"x","sharedSummary":"y","deadline":"%s"}""".formatted(late)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("deadline");
        assertThat(dispatch("director2", caseId, "XN-PS")).hasStatus(404);
        assertThat(dispatch("police1", caseId, "XN-PS")).hasStatus(404);
    }

    @Test
    void adminManagesAgenciesAndAnInactiveAgencyGetsNoNewOrders() {
        String code = "T-" + System.nanoTime() % 1_000_000;
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","type":"SOCIAL_WORK","name":"测试社工站","jurisdictionCode":"141029000000",
                         "notificationEmail":"not-an-email"}""".formatted(code)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("notificationEmail");
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","type":"SOCIAL_WORK","name":"测试社工站","jurisdictionCode":"141029000000",
                         "notificationEmail":"sw@example.org"}""".formatted(code))).hasStatus(201);
        assertThat(mvc.put().uri("/api/v1/admin/agencies/" + code).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","type":"SOCIAL_WORK","name":"测试社工站","jurisdictionCode":"141029000000",
                         "notificationEmail":"sw@example.org","active":false}""".formatted(code)))
                .hasStatusOk().bodyJson().extractingPath("$.active").isEqualTo(false);
        long caseId = caseReadyForOrders();
        assertThat(dispatch("director1", caseId, code)).hasStatus(400);
    }

    @Test
    void deadlinesComeFromThePolicyShorterForAnEmergencyCase() {
        long caseId = caseReadyForOrders();
        MvcTestResult dispatched = dispatch("director1", caseId, "XN-PS");
        Instant dispatchedAt = instant(dispatched, "$.dispatchedAt");
        assertThat(instant(dispatched, "$.signBy"))
                .isEqualTo(sla.workOrder().sign().addTo(dispatchedAt, calendar));
        assertThat((Object) read(dispatched, "$.respondBy")).isNull();
        MvcTestResult signed = step("police1", orderId(dispatched), "sign", null);
        assertThat(instant(signed, "$.respondBy"))
                .isEqualTo(sla.workOrder().respond().addTo(instant(signed, "$.signedAt"), calendar));

        long emergency = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR01"), true).id();
        assertThat(fire("supervisor1", emergency, "DECLARE_EMERGENCY", null)).hasStatusOk();
        MvcTestResult urgent = dispatch("supervisor1", emergency, "XN-PS");
        assertThat(urgent).hasStatus(201);
        assertThat(instant(urgent, "$.signBy")).isEqualTo(
                sla.workOrder().signEmergency().addTo(instant(urgent, "$.dispatchedAt"), calendar));
        assertThat(instant(urgent, "$.signBy")).isBefore(instant(dispatched, "$.signBy").plus(1, ChronoUnit.MINUTES));
    }

    @Test
    void theDispatchersEarlierDeadlineBecomesTheRespondBy() {
        long caseId = caseReadyForOrders();
        Instant asked = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        MvcTestResult dispatched = mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"agencyCode":"XN-PS","requestText":"请今日出警","sharedSummary":"需出警","deadline":"%s"}"""
                        .formatted(asked)).exchange();
        assertThat(dispatched).hasStatus(201);
        assertThat(instant(step("police1", orderId(dispatched), "sign", null), "$.respondBy")).isEqualTo(asked);
        assertThat(mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"agencyCode":"XN-PS","requestText":"x","sharedSummary":"y","deadline":"2020-01-01T00:00:00Z"}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("deadline");
    }

    @Test
    void overdueOrdersAreFilteredAndFoundByRangeScans() {
        long caseId = caseReadyForOrders();
        long late = orderId(dispatch("director1", caseId, "XN-PS"));
        long onTime = orderId(dispatch("director1", caseId, "XN-PS"));
        long lateAnswer = orderId(dispatch("director1", caseId, "XN-PS"));
        step("police1", lateAnswer, "sign", null);
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        makeOverdue(late, longAgo);
        makeOverdue(lateAnswer, longAgo);

        assertThat(mvc.get().uri("/api/v1/work-orders?mine=true&overdue=true&size=100").header("Authorization", basic("police1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[*].id").asArray()
                            .contains((int) late, (int) lateAnswer).doesNotContain((int) onTime);
                    assertThat(json).extractingPath("$.items[*].overdue").asArray().containsOnly(true);
                });
        assertThat(mvc.get().uri("/api/v1/work-orders?mine=true&overdue=true&status=SIGNED&size=100")
                .header("Authorization", basic("police1"))).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().contains((int) lateAnswer).doesNotContain((int) late);

        assertThat(desk.overdueForSigning(Instant.now(), 10_000)).extracting(WorkOrderDue::workOrderId)
                .contains(late).doesNotContain(onTime, lateAnswer);
        assertThat(desk.overdueForResponse(Instant.now(), 10_000)).extracting(WorkOrderDue::workOrderId)
                .contains(lateAnswer).doesNotContain(late, onTime);
        assertThat(desk.overdueForSigning(longAgo, 10_000)).extracting(WorkOrderDue::workOrderId).doesNotContain(late);
    }

    @Test
    void agencyStaffCannotReadTheReporterThroughAnything() {
        String childName = cn.childprotect.cms.support.TestIds.uniqueName();
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"校园欺凌",
                         "child":{"name":"%s"},"reporter":{"anonymous":false,"name":"王举报","phone":"13800001234"}}"""
                        .formatted(childName)).exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        long reportId = ((Number) read(report, "$.reportId")).longValue();
        acceptAndAssignToDirector1(caseId);
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", id).header("Authorization", basic("police1")))
                .hasStatusOk().bodyText().doesNotContain(childName, "王举报", "13800001234");
        assertThat(mvc.get().uri("/api/v1/work-orders?mine=true&size=100").header("Authorization", basic("police1")))
                .hasStatusOk().bodyText().doesNotContain(childName, "王举报", "13800001234");
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("police1")))
                .hasStatus(404);
    }

    @Test
    void readsOfAnOrderAreAudited() {
        long caseId = caseReadyForOrders();
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        mvc.get().uri("/api/v1/work-orders/{id}", id).header("Authorization", basic("police1")).exchange();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'police1' and action = 'WORK_ORDER_READ'"
                + " and target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void agencyDirectoryIsForAdminsAndValidated() {
        assertThat(mvc.get().uri("/api/v1/admin/agencies").header("Authorization", basic("director1"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/admin/agencies").header("Authorization", basic("police1"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/admin/agencies")).hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))).hasStatusOk()
                .bodyJson().extractingPath("$[?(@.code=='XN-PS')].type").asArray().containsExactly("PUBLIC_SECURITY");
        assertThat(mvc.put().uri("/api/v1/admin/agencies/XN-PS").header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"XN-PS","type":"PUBLIC_SECURITY","name":"x","jurisdictionCode":"141029000000"}"""))
                .hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"XN-PS","type":"PUBLIC_SECURITY","name":"重复","jurisdictionCode":"141029000000"}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"T-X1","type":"NOT_A_TYPE","name":"x","jurisdictionCode":"141029000000"}""")).hasStatus(400);
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"T-X2","type":"COURT","name":"x","jurisdictionCode":"999999999999"}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("jurisdictionCode");
        assertThat(mvc.put().uri("/api/v1/admin/agencies/NO-SUCH").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"NO-SUCH","type":"COURT","name":"x","jurisdictionCode":"141029000000"}""")).hasStatus(404);
    }

    @Test
    void ordersGoOnlyToActiveAgenciesWhoseJurisdictionCoversTheCase() {
        String code = "T-" + System.nanoTime() % 1_000_000;
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","type":"WOMENS_FEDERATION","name":"测试妇联","jurisdictionCode":"141029000000",
                         "notificationEmail":"fl@example.org","active":false}""".formatted(code))).hasStatus(201);
        long caseId = caseReadyForOrders();
        long id = orderId(dispatch("director1", caseId, "XN-PS"));
        step("police1", id, "return", "{\"reason\":\"请改派妇联\"}");
        assertThat(step("director1", id, "redispatch", "{\"agencyCode\":\"%s\"}".formatted(code))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("agencyCode");
        String township2 = "T2-" + System.nanoTime() % 1_000_000;
        assertThat(mvc.post().uri("/api/v1/admin/agencies").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","type":"SOCIAL_WORK","name":"光华镇社工站","jurisdictionCode":"141029101000",
                         "notificationEmail":"gh@example.org"}""".formatted(township2))).hasStatus(201);
        assertThat(step("director1", id, "redispatch", "{\"agencyCode\":\"%s\"}".formatted(township2))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("辖区不包括");
        assertThat(dispatch("director1", caseId, township2)).hasStatus(400);
        assertThat(step("police1", id, "redispatch", null)).hasStatus(403);
        assertThat(step("director1", id, "redispatch", null)).hasStatusOk()
                .bodyJson().extractingPath("$.agencyCode").isEqualTo("XN-PS");
    }
}
