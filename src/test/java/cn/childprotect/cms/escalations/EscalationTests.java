package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class EscalationTests extends IntegrationTest {

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    MutableClock clock;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    int items(String kind, long sourceId, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = ? and source_id = ? and level = ?",
                Integer.class, kind, sourceId, level);
    }

    @Test
    void aCaseLeftInReceivedRaisesOneTownshipThenOneCountyEscalationThenNothingMore() {
        long caseId = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("BL01"), false).id(); // 24 h to accept
        sweep.sweep();
        assertThat(items("CASE_DEADLINE", caseId, "TOWNSHIP")).isZero();

        clock.advance(Duration.ofHours(25));
        sweep.sweep();
        sweep.sweep();
        assertThat(items("CASE_DEADLINE", caseId, "TOWNSHIP")).isEqualTo(1);
        assertThat(items("CASE_DEADLINE", caseId, "COUNTY")).isZero();

        clock.advance(Duration.ofHours(25)); // the grace period (24 h) has passed, still unresolved
        for (int i = 0; i < 3; i++) {
            sweep.sweep();
        }
        assertThat(items("CASE_DEADLINE", caseId, "TOWNSHIP")).isEqualTo(1);
        assertThat(items("CASE_DEADLINE", caseId, "COUNTY")).isEqualTo(1);

        // the case leaves the state: its items resolve themselves, with a timeline entry
        assertThat(fire("supervisor1", caseId, "ACCEPT", null)).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from escalations_item where source_id = ? and kind = 'CASE_DEADLINE' "
                + "and status <> 'RESOLVED'", Integer.class, caseId)).isZero();
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[*].note").asArray().anySatisfy(n -> assertThat(String.valueOf(n)).contains("已自动解除"));
        // the item keeps why as a message (read in the reader's language), not as a Chinese sentence
        assertThat(jdbc.queryForList("select resolution_note_key, resolution_note_args, resolution_note from escalations_item "
                + "where source_id = ? and kind = 'CASE_DEADLINE'", caseId)).isNotEmpty().allSatisfy(row -> {
                    assertThat(row.get("resolution_note_key")).isEqualTo("escalation.resolved.case-left-status");
                    assertThat(row.get("resolution_note_args")).isEqualTo("[\"label.CaseStatus.RECEIVED\"]");
                    assertThat(row.get("resolution_note")).isNull();
                });
    }

    @Test
    void signingALateWorkOrderResolvesItsItem() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        MvcTestResult order = mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyCode\":\"XN-PS\",\"requestText\":\"请核查\",\"sharedSummary\":\"疑似家暴\"}").exchange();
        long orderId = ((Number) read(order, "$.id")).longValue();
        clock.advance(Duration.ofDays(5));
        sweep.sweep();
        assertThat(items("WORK_ORDER_SIGN", orderId, "TOWNSHIP")).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/escalations?kind=WORK_ORDER_SIGN").header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$.items[?(@.sourceId==" + orderId + ")].actions[*].href").asArray()
                .contains("/api/v1/work-orders/" + orderId + "/urge");
        // the actions are named in the reader's language
        assertThat(mvc.get().uri("/api/v1/escalations?kind=WORK_ORDER_SIGN").header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$.items[?(@.sourceId==" + orderId + ")].actions[*].label").asArray()
                .contains("督办工单", "确认收到", "办结");
        assertThat(mvc.get().uri("/api/v1/escalations?kind=WORK_ORDER_SIGN").header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en")).bodyJson()
                .extractingPath("$.items[?(@.sourceId==" + orderId + ")].actions[*].label").asArray()
                .contains("Urge the work order", "Acknowledge", "Resolve");
        assertThat(mvc.post().uri("/api/v1/work-orders/{id}/sign", orderId).header("Authorization", basic("police1")))
                .hasStatusOk();
        assertThat(jdbc.queryForObject("select status from escalations_item where kind = 'WORK_ORDER_SIGN' and source_id = ?",
                String.class, orderId)).isEqualTo("RESOLVED");
    }

    @Test
    void triggersRaiseReviewItemsAndTheQueueIsScoped() {
        long caseId = fixtures.openInVillage1().id();
        assertThat(fire("supervisor1", caseId, "DECLARE_EMERGENCY", null)).hasStatusOk();
        long otherTownship = fixtures.open(CaseFixtures.VILLAGE_2_1, Set.of("MR04"), false).id();
        assertThat(fire("supervisor2", otherTownship, "DECLARE_EMERGENCY", null)).hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/escalations?kind=EMERGENCY_DECLARED").header("Authorization", basic("supervisor2")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.items[*].caseId").asArray().contains((int) otherTownship)
                            .doesNotContain((int) caseId);
                    assertThat(json).extractingPath("$.items[*].villageCode").asArray().allSatisfy(
                            v -> assertThat(v.toString()).startsWith("141029101"));
                });
        assertThat(mvc.get().uri("/api/v1/escalations?kind=EMERGENCY_DECLARED&size=200").header("Authorization", basic("county1")))
                .bodyJson().extractingPath("$.items[*].caseId").asArray().contains((int) caseId, (int) otherTownship);
        long itemId = jdbc.queryForObject("select id from escalations_item where kind = 'EMERGENCY_DECLARED' and source_id = ?",
                Long.class, caseId);
        assertThat(mvc.post().uri("/api/v1/escalations/{id}/acknowledge", itemId).header("Authorization", basic("supervisor2")))
                .hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/escalations/{id}/acknowledge", itemId).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ACKNOWLEDGED");
        assertThat(mvc.post().uri("/api/v1/escalations/{id}/resolve", itemId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(400);
        assertThat(mvc.post().uri("/api/v1/escalations/{id}/resolve", itemId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已安排民警和儿童主任到场\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(mvc.get().uri("/api/v1/escalations/summary").header("Authorization", basic("supervisor2")))
                .hasStatusOk().bodyJson().extractingPath("$.byKind[*].kind").asArray().contains("EMERGENCY_DECLARED");
        for (String user : List.of("director1", "police1", "operator1")) {
            assertThat(mvc.get().uri("/api/v1/escalations").header("Authorization", basic(user))).hasStatus(403);
        }
    }
}
