package cn.childprotect.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The age item follows from a known birth date through the API too: an assessment cannot contradict it. */
class DerivedAgeTests extends IntegrationTest {

    @Test
    void theAgeItemOfAToddlerIsUnderThreeWhateverTheCallerAnswers() {
        String birth = LocalDate.now().minusYears(2).minusDays(10).toString();
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["GD03"],"villageCode":"141029100001",
                         "narrative":"母亲住院，孩子暂无人照料",
                         "child":{"name":"%s","sex":"FEMALE","birthDate":"%s","villageCode":"141029100001"}}"""
                        .formatted(TestIds.uniqueName(), birth)).exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);

        // the caller says "12 岁以上"; the birth date says two years old
        MvcTestResult draft = mvc.post().uri("/api/v1/cases/{id}/assessments", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":" + LOW_RISK_ANSWERS + ",\"rationale\":\"家访核实\"}").exchange();
        assertThat(draft).hasStatus(201).bodyJson().extractingPath("$.answers.V1").isEqualTo("UNDER3");
    }
}
