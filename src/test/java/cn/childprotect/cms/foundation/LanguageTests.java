package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

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
