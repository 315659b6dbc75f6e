package cn.childprotect.cms.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Locale;
import java.util.Map;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The case file composed by the casefile module (issue 11 item 1): the REST detail keeps its shape
 * (the case's fields at the top, {@code child} and {@code sections} beside them), gains the open
 * escalations, is audited once as CASE_READ, and stays out of reach outside the scope; refused form
 * posts of the pages come back as messages through one advice (FormRefusals).
 */
class CaseFileTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService accounts;

    private static final String NAME_CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    /** A child of her own each time (the same child twice would link the report into the first case). */
    private static String uniqueName() {
        StringBuilder name = new StringBuilder("档");
        for (int i = 0; i < 4; i++) {
            name.append(NAME_CHARS.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    private long newCase(String childName) {
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["GD04"],"villageCode":"141029100001","narrative":"档案测试",
                         "child":{"name":"%s","sex":"FEMALE","birthDate":"2016-05-01","villageCode":"141029100001"},
                         "reporter":{"anonymous":true}}""".formatted(childName)).exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    @Test
    void theCaseFileKeepsItsShapeAndIsAuditedOnce() {
        String name = uniqueName();
        long caseId = newCase(name);
        Integer readsBefore = jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'CASE_READ' and target_id = ?", Integer.class,
                Long.toString(caseId));
        MvcTestResult detail = mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("director1"))
                .exchange();
        assertThat(detail).hasStatusOk();
        assertThat(detail.getResponse().getHeader("ETag")).isNotBlank();
        assertThat(detail).bodyJson().extractingPath("$.id").asNumber().isEqualTo((int) caseId);
        assertThat(detail).bodyJson().extractingPath("$.status").isEqualTo("ASSESSING");
        assertThat(detail).bodyJson().extractingPath("$.child.child.name").isEqualTo(name);
        assertThat(detail).bodyJson().extractingPath("$.sections.reports").asArray().hasSize(1);
        assertThat(detail).bodyJson().extractingPath("$.sections.support.assessments").asArray().isEmpty();
        assertThat(detail).bodyJson().extractingPath("$.sections.support.visits").asArray().isEmpty();
        assertThat(detail).bodyJson().extractingPath("$.sections.workOrders").asArray().isEmpty();
        assertThat(detail).bodyJson().extractingPath("$.sections.escalations").asArray().isNotNull();
        // the parts the case page's intake panel shows: the child's history (its own case and report) and the evidence
        assertThat(detail).bodyJson().extractingPath("$.sections.history.entries[*].kind").asArray()
                .contains("CASE", "REPORT");
        assertThat(detail).bodyJson().extractingPath("$.sections.attachments").asArray().isEmpty();
        assertThat(detail).bodyJson().doesNotHavePath("$.file");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CASE_READ' and target_id = ?",
                Integer.class, Long.toString(caseId))).isEqualTo(readsBefore + 1);
        // another village's director does not learn the case exists
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("director2")).exchange())
                .hasStatus(404);
    }

    @Test
    void aRefusedFormPostComesBackAsMessagesOnTheCasePage() {
        long caseId = newCase(uniqueName());
        var director = accounts.loadUserByUsername("director1");
        // a version that is no longer current: a stale refusal, shown at the top of the case page
        MvcTestResult stale = mvc.post().uri("/cases/{id}/transitions", caseId).with(user(director)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE).param("event", "COMPLETE_ASSESSMENT").param("version", "0")
                .exchange();
        assertThat(stale).hasStatus3xxRedirection().hasRedirectedUrl("/cases/" + caseId);
        Map<String, Object> flash = stale.getMvcResult().getFlashMap();
        assertThat(flash).containsEntry("stale", true).doesNotContainKey("saved");
        assertThat((String) flash.get("pageError")).isNotBlank().doesNotStartWith("cms.").doesNotStartWith("cases.");

        // a date the form could not read: the bundle's sentence, in English for an English browser
        MvcTestResult badDate = mvc.post().uri("/cases/{id}/visits", caseId).with(user(director)).with(csrf())
                .header("Accept-Language", "en").param("visitedOn", "not-a-date").param("type", "HOME_VISIT")
                .param("observations", "x").param("safety", "SAFE").exchange();
        assertThat(badDate).hasStatus3xxRedirection().hasRedirectedUrl("/cases/" + caseId);
        assertThat(badDate.getMvcResult().getFlashMap().get("pageError"))
                .isEqualTo("A value of the form could not be read (a date or time, for example); please check it and send the form again.");

        // several wrong fields: the page's own sentence (not the API's "see errors") and one note per field
        MvcTestResult empty = mvc.post().uri("/cases/{id}/visits", caseId).with(user(director)).with(csrf())
                .header("Accept-Language", "en").param("visitedOn", "2026-01-05").param("type", "NO_SUCH_TYPE")
                .param("observations", " ").param("safety", "NO_SUCH_SAFETY").exchange();
        assertThat(empty).hasStatus3xxRedirection().hasRedirectedUrl("/cases/" + caseId);
        Map<?, ?> fieldErrors = (Map<?, ?>) empty.getMvcResult().getFlashMap().get("fieldErrors");
        assertThat(fieldErrors.size()).isGreaterThan(1);
        assertThat(empty.getMvcResult().getFlashMap().get("pageError"))
                .isEqualTo(fieldErrors.size() + " fields of the form need correcting: see the note under each field.");

        // a refusal of another case's page goes back to that case, never to a URL the form chose
        MvcTestResult outside = mvc.post().uri("/cases/{id}/notes", caseId).with(user(accounts.loadUserByUsername("director2")))
                .with(csrf()).param("text", "不该写入").exchange();
        assertThat(outside).hasStatus3xxRedirection().hasRedirectedUrl("/cases/" + caseId);
        assertThat(outside.getMvcResult().getFlashMap().get("pageError")).isNotNull();
    }
}
