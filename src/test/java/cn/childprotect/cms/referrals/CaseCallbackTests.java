package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 16: a callback (回访) after a case is closed, by the handler or a hotline operator, from the
 * callbacks work list; not before closure, not by others; reopening takes the case off the list.
 */
class CaseCallbackTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult callback(String user, long caseId, String body) {
        return mvc.post().uri("/api/v1/cases/{id}/callbacks", caseId).header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    MvcTestResult due(String user) {
        return mvc.get().uri("/api/v1/cases/callbacks-due").header("Authorization", basic(user)).exchange();
    }

    @Test
    void aClosedCaseIsDueACallbackByTheHandlerOrAnOperatorAndLeavesTheListWhenCalledBackOrReopened() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        assertThat(callback("operator1", caseId, "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}"))
                .hasStatus(409);
        closeAsDirector1(caseId);

        // on the operators' and the handler's work list, not for a reporter
        assertThat(due("operator1")).hasStatusOk().bodyJson().extractingPath("$[*].caseId").asList()
                .contains((int) caseId);
        assertThat(due("director1")).hasStatusOk().bodyJson().extractingPath("$[*].caseId").asList()
                .contains((int) caseId);
        assertThat(due("school1")).hasStatus(403);

        // another township's director and a reporter do not learn of the case; unsatisfied needs a comment
        assertThat(callback("director2", caseId, "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}")).hasStatus(404);
        assertThat(callback("school1", caseId, "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}")).hasStatus(404);
        assertThat(callback("operator1", caseId, "{\"reached\":true,\"satisfaction\":\"UNSATISFIED\"}"))
                .hasStatus(400);
        assertThat(callback("operator1", caseId, "{\"reached\":false}")).hasStatus(201).bodyJson()
                .extractingPath("$.reached").isEqualTo(false);
        assertThat(due("operator1")).bodyJson().extractingPath("$[*].caseId").asList().doesNotContain((int) caseId);
        assertThat(callback("director1", caseId,
                "{\"reached\":true,\"satisfaction\":\"BASICALLY_SATISFIED\",\"comment\":\"家长表示情况好转\"}"))
                .hasStatus(201).bodyJson().extractingPath("$.satisfaction").isEqualTo("BASICALLY_SATISFIED");
        assertThat(jdbc.queryForObject("select count(*) from referrals_case_callback where case_id = ?", Integer.class,
                caseId)).isEqualTo(2);

        // reopened: off the list, and no callback until it is closed again
        assertThat(fire("supervisor1", caseId, "REOPEN", "新的线索")).hasStatusOk();
        assertThat(due("operator1")).bodyJson().extractingPath("$[*].caseId").asList().doesNotContain((int) caseId);
        assertThat(callback("operator1", caseId, "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}"))
                .hasStatus(409);
    }

    private void closeAsDirector1(long caseId) {
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatusOk();
        writePlan("director1", caseId);
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatusOk();
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "儿童安全，家庭恢复正常")).hasStatusOk();
        assertThat(fire("supervisor1", caseId, "APPROVE_CLOSURE", null)).hasStatusOk();
    }
}
