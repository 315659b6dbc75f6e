package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every word comes from the bundles (issue 11 item 5): {@code Accept-Language: en} gives English
 * state and event labels and English field errors; without it, Chinese.
 */
class LanguageTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Test
    void theCaseDetailSpeaksTheCallersLanguage() {
        long id = fixtures.openInVillage1().id();
        assertThat(api().as("supervisor1").inLanguage("en").caseFile(id)).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.statusLabel").isEqualTo("Received");
                    assertThat(json).extractingPath("$.allowedEvents[?(@.event == 'ACCEPT')].label").asArray()
                            .containsExactly("Accept");
                });
        assertThat(api().as("supervisor1").caseFile(id)).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.statusLabel").isEqualTo("接报");
                    assertThat(json).extractingPath("$.allowedEvents[?(@.event == 'ACCEPT')].label").asArray()
                            .containsExactly("受理");
                });
    }

    /** The case page names categories and states instead of showing raw codes alone. */
    /** A problem type without a title of its own (here invalid-transition) is titled by its status, never by its code. */
    @Test
    void aProblemWithoutATitleOfItsOwnIsTitledByItsStatus() {
        long id = fixtures.openInVillage1().id();
        // APPROVE_CLOSURE is not an event a RECEIVED case can take
        org.springframework.test.web.servlet.assertj.MvcTestResult refused = fire("supervisor1", id, "APPROVE_CLOSURE", null);
        assertThat(refused).hasStatus(409).bodyJson().extractingPath("$.title").isEqualTo("当前状态下不能进行此操作");
        String etag = mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("supervisor1")).exchange()
                .getResponse().getHeader("ETag");
        assertThat(mvc.post().uri("/api/v1/cases/{id}/transitions", id).header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en").header("If-Match", etag)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"event\":\"APPROVE_CLOSURE\"}"))
                .hasStatus(409).bodyJson().extractingPath("$.title").isEqualTo("Not possible in the current state");
    }

    @Test
    void theCasePageShowsNamesNotRawCodes() throws Exception {
        var report = api().as("operator1").report("""
                {"channel":"HOTLINE","categories":["MR04"],"villageCode":"141029100001","narrative":"x",
                 "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(TestIds.uniqueName()));
        assertThat(report).hasStatus(201);
        long id = ((Number) read(report, "$.caseId")).longValue();
        assertThat(api().as("supervisor1").fire(id, "ACCEPT", null)).hasStatusOk();
        completeAssessment("supervisor1", id, LOW_RISK_ANSWERS);
        Cookie session = formLogin("supervisor1");
        String zh = mvc.get().uri("/cases/{id}", id).cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("（MR04）").contains(">已完成<").doesNotContain(">COMPLETED<");
        String en = mvc.get().uri("/cases/{id}", id).cookie(session).header("Accept-Language", "en").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("(MR04)").contains(">Completed<").contains(">Assessing<");
    }

    private Cookie formLogin(String username) {
        var login = mvc.post().uri("/login").param("username", username).param("password", PASSWORD).with(csrf())
                .exchange();
        assertThat(login).hasStatus3xxRedirection();
        return login.getResponse().getCookie("SESSION");
    }

    @Test
    void refusalsOfTheWorkflowSpeakTheCallersLanguage() {
        long id = fixtures.openInVillage1().id();
        assertThat(api().as("supervisor1").inLanguage("en").fire(id, "APPROVE_CLOSURE", null)).hasStatus(409)
                .bodyJson().extractingPath("$.type").asString().endsWith("/invalid-transition");
        assertThat(api().as("supervisor1").fire(id, "ACCEPT", null)).hasStatusOk();
        assertThat(api().as("supervisor1").inLanguage("en").fire(id, "SCREEN_OUT", null)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void fieldErrorsOfABadReportSpeakTheCallersLanguage() {
        String bad = """
                {"channel":"HOTLINE","categories":[],"villageCode":"141029100001","narrative":"x",
                 "child":{"name":"甲"},"reporter":{"anonymous":true}}""";
        assertThat(api().as("operator1").inLanguage("en").report(bad))
                .hasStatus(400).bodyJson().extractingPath("$.errors[?(@.field == 'categories')].message").asArray()
                .containsExactly("Choose at least one category");
        assertThat(api().as("operator1").report(bad))
                .hasStatus(400).bodyJson().extractingPath("$.errors[?(@.field == 'categories')].message").asArray()
                .containsExactly("至少选择一个报告类别");
    }
}
