package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

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
        assertThat(mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en")).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.statusLabel").isEqualTo("Received");
                    assertThat(json).extractingPath("$.allowedEvents[?(@.event == 'ACCEPT')].label").asArray()
                            .containsExactly("Accept");
                });
        assertThat(mvc.get().uri("/api/v1/cases/{id}", id).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.statusLabel").isEqualTo("接报");
                    assertThat(json).extractingPath("$.allowedEvents[?(@.event == 'ACCEPT')].label").asArray()
                            .containsExactly("受理");
                });
    }

    @Test
    void fieldErrorsOfABadReportSpeakTheCallersLanguage() {
        String bad = """
                {"channel":"HOTLINE","categories":[],"villageCode":"141029100001","narrative":"x",
                 "child":{"name":"甲"},"reporter":{"anonymous":true}}""";
        assertThat(mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(bad))
                .hasStatus(400).bodyJson().extractingPath("$.errors[?(@.field == 'categories')].message").asArray()
                .containsExactly("Choose at least one category");
        assertThat(mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content(bad))
                .hasStatus(400).bodyJson().extractingPath("$.errors[?(@.field == 'categories')].message").asArray()
                .containsExactly("至少选择一个报告类别");
    }
}
