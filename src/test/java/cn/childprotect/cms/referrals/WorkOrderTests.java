package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class WorkOrderTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

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
        assertThat(step("supervisor1", id, "urge", "{\"note\":\"请今日内签收\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.urgeCount").isEqualTo(1);
        assertThat(step("director1", id, "urge", "{\"note\":\"快\"}")).hasStatus(403);
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
        assertThat(step("police1", id, "sign", null)).hasStatusOk();
        assertThat(step("police1", id, "sign", null)).hasStatus(409);
        assertThat(step("director2", id, "revoke", "{\"reason\":\"x\"}")).hasStatus(404);
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
        assertThat(dispatch("supervisor1", received, "XN-PS")).hasStatus(409);
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
}
