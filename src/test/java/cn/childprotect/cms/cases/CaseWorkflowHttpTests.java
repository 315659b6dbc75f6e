package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestGuards;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;


/** The workflow through the HTTP API with the demo users. */
class CaseWorkflowHttpTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    private MvcTestResult fire(String user, long caseId, String version, String event, String reason) { // with an explicit If-Match
        String body = reason == null ? "{\"event\":\"%s\"}".formatted(event)
                : "{\"event\":\"%s\",\"reason\":\"%s\",\"note\":\"测试\"}".formatted(event, reason);
        return mvc.post().uri("/api/v1/cases/{id}/transitions", caseId).header("Authorization", basic(user))
                .header("If-Match", version).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private String etag(String user, long caseId) {
        MvcTestResult result = mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic(user))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getHeader("ETag");
    }

    private String status(String user, long caseId) {
        MvcTestResult result = mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic(user))
                .exchange();
        return read(result, "$.status");
    }

    private void assign(long caseId, String director) {
        assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", caseId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + director + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.assignee").isEqualTo(director);
    }

    @Test
    void fromReceivedToClosedWithTheDemoUsers() {
        long id = fixtures.openInVillage1().id();
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "ACCEPT", null)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("ASSESSING");
        assign(id, "director1");
        assertThat(mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.allowedEvents[*].event").asArray()
                            .containsExactlyInAnyOrder("DECLARE_EMERGENCY", "COMPLETE_ASSESSMENT");
                    assertThat(json).extractingPath("$.statusDeadline").isNotNull();
                });
        assertThat(fire("director1", id, etag("director1", id), "COMPLETE_ASSESSMENT", null)).hasStatus(422);
        completeAssessment("director1", id, LOW_RISK_ANSWERS);
        assertThat(fire("director1", id, etag("director1", id), "COMPLETE_ASSESSMENT", null)).hasStatusOk();
        assertThat(fire("director1", id, etag("director1", id), "START_SUPPORT", null)).hasStatus(422);
        writePlan("director1", id);
        assertThat(fire("director1", id, etag("director1", id), "START_SUPPORT", null)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("SUPPORTING");
        assertThat(fire("director1", id, etag("director1", id), "REQUEST_CLOSURE", "帮扶目标已达成")).hasStatusOk();
        // only a supervisor approves
        assertThat(fire("director1", id, etag("director1", id), "APPROVE_CLOSURE", null)).hasStatus(403);
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "APPROVE_CLOSURE", null)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("CLOSED");

        MvcTestResult timeline = mvc.get().uri("/api/v1/cases/{id}/timeline", id)
                .header("Authorization", basic("supervisor1")).exchange();
        assertThat(timeline).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$[?(@.kind != 'ESCALATION')].kind").asArray().containsExactly("OPENED",
                    "TRANSITION", "SCREENING", "ASSIGNMENT", "ASSESSMENT", "RISK_LEVEL", "TRANSITION", "SUPPORT", "TRANSITION",
                    "TRANSITION", "TRANSITION");
            // the closure request was put before the township supervisor, and cleared by the approval
            assertThat(json).extractingPath("$[?(@.kind == 'ESCALATION')].note").asArray().hasSize(2);
            assertThat(json).extractingPath("$[*].toStatus").asArray().contains("ASSESSING", "HANDLING",
                    "SUPPORTING", "PENDING_CLOSURE", "CLOSED");
            assertThat(json).extractingPath("$[?(@.toStatus == 'PENDING_CLOSURE')].note").asArray()
                    .containsExactly("理由：帮扶目标已达成；测试");
        });
        // the same lines in the reader's language: the words of the bundle in English, what people wrote as written
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", id).header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en")).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$[?(@.toStatus == 'PENDING_CLOSURE')].note").asArray()
                            .containsExactly("Reason: 帮扶目标已达成; 测试");
                    assertThat(json).extractingPath("$[?(@.kind == 'OPENED')].note").asArray().hasSize(1).allSatisfy(n -> assertThat(String.valueOf(n))
                            .startsWith("Case opened from report "));
                    assertThat(json).extractingPath("$[?(@.kind == 'ESCALATION')].note").asArray()
                            .allSatisfy(n -> assertThat(String.valueOf(n)).doesNotContainPattern("\\p{IsHan}"));
                    assertThat(json).extractingPath("$[?(@.kind == 'RISK_LEVEL')].note").asArray()
                            .allSatisfy(n -> assertThat(String.valueOf(n)).startsWith("Risk level: ")
                                    .doesNotContainPattern("\\p{IsHan}|LOW|MEDIUM|HIGH"));
                    assertThat(json).extractingPath("$[0].kindLabel").isEqualTo("Case opened");
                });
    }

    @Test
    void emergencyFastPathAndReopen() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR01"), true).id();
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "DECLARE_EMERGENCY", null)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("EMERGENCY");
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "STABILIZE", null)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("ASSESSING");
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "SCREEN_OUT", null)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "SCREEN_OUT", "经核实不属于保护个案")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("SCREENED_OUT");
        assertThat(fire("supervisor1", id, etag("supervisor1", id), "REOPEN", "新的线索")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("ASSESSING");
    }

    @Test
    void refusalsChangeNothing() {
        long id = fixtures.openInVillage1().id();
        String version = etag("supervisor1", id);
        assertThat(fire("supervisor1", id, version, "APPROVE_CLOSURE", null)).hasStatus(409)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/invalid-transition");
        assertThat(fire("supervisor1", id, "\"999\"", "ACCEPT", null)).hasStatus(412)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/stale-version");
                    assertThat(json).extractingPath("$.currentStatus").isEqualTo("RECEIVED");
                });
        assertThat(mvc.post().uri("/api/v1/cases/{id}/transitions", id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"event\":\"ACCEPT\"}")).hasStatus(428);
        assertThat(fire("supervisor1", id, version, "FLY", null)).hasStatus(400);

        TestGuards.arm(id, CaseEvent.ACCEPT, "尚未核实报告人身份");
        try {
            assertThat(fire("supervisor1", id, version, "ACCEPT", null)).hasStatus(422)
                    .bodyJson().extractingPath("$.detail").isEqualTo("尚未核实报告人身份");
        }
        finally {
            TestGuards.disarm(id, CaseEvent.ACCEPT);
        }
        assertThat(status("supervisor1", id)).isEqualTo("RECEIVED");
        assertThat(etag("supervisor1", id)).isEqualTo(version);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", id).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$.length()").isEqualTo(1);
    }

    @Test
    void directorsMayNotTakeSupervisorDecisionsNorWorkUnassignedCases() {
        long id = fixtures.openInVillage1().id();
        // not assigned yet: the director does not work the case, so it is not there for them
        assertThat(mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("director1"))).hasStatus(404);
        assign(id, "director1");
        assertThat(fire("director1", id, etag("director1", id), "ACCEPT", null)).hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"director2\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void otherTownshipsCannotSeeOrChangeTheCaseButTheCountyCan() {
        long id = fixtures.openInVillage1().id();
        String version = etag("supervisor1", id);
        for (String outsider : List.of("supervisor2", "director2")) {
            assertThat(mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic(outsider)))
                    .hasStatus(404);
            assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", id).header("Authorization", basic(outsider)))
                    .hasStatus(404);
            assertThat(fire(outsider, id, version, "ACCEPT", null)).hasStatus(404);
            assertThat(mvc.get().uri("/api/v1/cases?q=" + caseNumber(id)).header("Authorization", basic(outsider)))
                    .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
        }
        assertThat(mvc.get().uri("/api/v1/cases?q=" + caseNumber(id)).header("Authorization", basic("county1")))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(fire("county1", id, version, "ACCEPT", null)).hasStatusOk();
    }

    @Test
    void rolesWithoutCaseAccessAreRefusedTheList() {
        for (String user : List.of("school1", "police1", "admin")) {
            assertThat(mvc.get().uri("/api/v1/cases").header("Authorization", basic(user))).hasStatus(403);
        }
    }

    @Test
    void listFiltersAndMasksForThoseWhoDoNotWorkTheCase() {
        CaseRef ref = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("GD05"), true);
        assertThat(mvc.get().uri("/api/v1/cases?category=GD05&status=RECEIVED&jurisdiction=141029100")
                .header("Authorization", basic("supervisor1"))).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[*].caseNumber").asArray().contains(ref.caseNumber());
                    assertThat(json).extractingPath("$.items[*].categories[*]").asArray().containsOnly("GD05");
                });
        assertThat(mvc.get().uri("/api/v1/cases?q=" + ref.caseNumber()).header("Authorization", basic("operator1")))
                .hasStatusOk().bodyJson().extractingPath("$.items[0].masked").isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/cases?q=" + ref.caseNumber()).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().extractingPath("$.items[0].masked").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/cases?sort=childName").header("Authorization", basic("supervisor1")))
                .hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/cases?status=NOPE").header("Authorization", basic("supervisor1")))
                .hasStatus(400);
    }

    private String caseNumber(long id) {
        MvcTestResult result = mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("county1"))
                .exchange();
        return read(result, "$.caseNumber");
    }
}
