package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 17 item 6: possible duplicates a person can tell apart (masked name, sex, age, village,
 * state, latest report), the hotline operator links their call to the chosen case, and the
 * merge box of the case page takes a case number.
 */
class DuplicateChoiceTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void possibleDuplicatesSayWhatTellsTheChildrenApartButNoName() throws Exception {
        String name = TestIds.uniqueName();
        MvcTestResult first = file("operator1", name, "\"birthDate\":\"" + java.time.LocalDate.now().minusYears(9).minusDays(3) + "\"");
        MvcTestResult second = file("operator1", name, null);
        Number firstCase = read(first, "$.caseId");
        assertThat(second).hasStatus(201).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.possibleDuplicates[0].caseId").isEqualTo(firstCase.intValue());
            assertThat(json).extractingPath("$.possibleDuplicates[0].childLabel").isEqualTo(name.charAt(0) + "***");
            assertThat(json).extractingPath("$.possibleDuplicates[0].age").isEqualTo(9);
            assertThat(json).extractingPath("$.possibleDuplicates[0].sexLabel").isEqualTo("男");
            assertThat(json).extractingPath("$.possibleDuplicates[0].villageName").isEqualTo("北关村");
            assertThat(json).extractingPath("$.possibleDuplicates[0].statusLabel").isEqualTo("接报");
            assertThat(json).extractingPath("$.possibleDuplicates[0].lastReportAt").isNotNull();
        });
        assertThat(second.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(name);
    }

    @Test
    void theOperatorWhoTookTheCallLinksItToTheChosenCaseAndTheNewCaseIsMergedIntoIt() {
        String name = TestIds.uniqueName();
        Number firstCase = read(file("operator1", name, null), "$.caseId");
        MvcTestResult second = file("operator1", name, null);
        Number report = read(second, "$.reportId");
        Number secondCase = read(second, "$.caseId");

        String otherOperator = createOperator();
        assertThat(link(otherOperator, "a-good-password", report, firstCase)).hasStatus(404);

        assertThat(link("operator1", PASSWORD, report, firstCase)).hasStatusOk()
                .bodyJson().extractingPath("$.caseId").isEqualTo(firstCase.intValue());
        assertThat(jdbc.queryForObject("select status from cases_case where id = ?", String.class, secondCase.longValue()))
                .isEqualTo("MERGED");
        assertThat(jdbc.queryForObject("select merged_into from cases_case where id = ?", Long.class,
                secondCase.longValue())).isEqualTo(firstCase.longValue());
        assertThat(jdbc.queryForList("select kind from cases_timeline where case_id = ?", String.class,
                firstCase.longValue())).contains("REPORT_LINKED", "MERGED_IN");
        assertThat(auditLog.search("operator1", "REPORT", report.toString(), "REPORT_RELINKED", PageRequest.of(0, 5))
                .getContent()).hasSize(1);
    }

    @Test
    void theReceiptPageOffersTheCandidatesAndLinksTheCall() throws Exception {
        String name = TestIds.uniqueName();
        Number firstCase = read(file("operator1", name, null), "$.caseId");
        Cookie session = formLogin("operator1", PASSWORD);
        var filed = mvc.post().uri("/reports").cookie(session).with(csrf())
                .param("idempotencyKey", UUID.randomUUID().toString()).param("channel", "HOTLINE")
                .param("categories", "LB01").param("villageCode", "141029100003").param("narrative", "来电反映留守儿童独居")
                .param("childName", name).param("childSex", "MALE").param("anonymous", "true").exchange();
        assertThat(filed).hasStatus3xxRedirection();
        var receipt = mvc.get().uri(filed.getResponse().getRedirectedUrl()).cookie(session)
                .flashAttrs(filed.getMvcResult().getFlashMap()).exchange();
        assertThat(receipt).hasStatusOk();
        String page = receipt.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"duplicates\"").contains("北关村").contains("id=\"link-" + firstCase + "\"")
                .doesNotContain(name);
    }

    @Test
    void theMergeBoxTakesACaseNumber() throws Exception {
        String name = TestIds.uniqueName();
        MvcTestResult first = file("operator1", name, null);
        Number target = read(first, "$.caseId");
        String targetNumber = read(first, "$.caseNumber");
        Number source = read(file("operator1", TestIds.uniqueName(), null), "$.caseId");
        Cookie session = formLogin("supervisor1", PASSWORD);
        long version = jdbc.queryForObject("select version from cases_case where id = ?", Long.class, source.longValue());

        // a number that is not a case in scope is refused next to the box
        assertThat(mvc.post().uri("/cases/{id}/transitions", source).cookie(session).with(csrf())
                .param("event", "MERGE").param("version", String.valueOf(version)).param("reason", "同一儿童")
                .param("mergeInto", "CP-999999-2026-000001")).hasStatus3xxRedirection()
                .flash().containsKey("pageError");
        assertThat(mvc.post().uri("/cases/{id}/transitions", source).cookie(session).with(csrf())
                .param("event", "MERGE").param("version", String.valueOf(version)).param("reason", "同一儿童")
                .param("mergeInto", " " + targetNumber.toLowerCase() + " ")).hasStatus3xxRedirection();
        assertThat(jdbc.queryForObject("select merged_into from cases_case where id = ?", Long.class, source.longValue()))
                .isEqualTo(target.longValue());
    }

    private MvcTestResult file(String user, String name, String extraChildField) {
        String child = "\"name\":\"" + name + "\",\"sex\":\"MALE\"" + (extraChildField == null ? "" : "," + extraChildField);
        return mvc.post().uri("/api/v1/reports").header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100003","narrative":"留守儿童独居",
                         "child":{%s},"reporter":{"anonymous":true}}""".formatted(child)).exchange();
    }

    private MvcTestResult link(String user, String password, Number report, Number caseId) {
        return mvc.post().uri("/api/v1/reports/{id}/link", report).header("Authorization", basic(user, password))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":" + caseId + "}").exchange();
    }

    private String createOperator() {
        String username = "op" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"热线接线员","password":"a-good-password",
                         "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username)))
                .hasStatus(201);
        return username;
    }

    private Cookie formLogin(String username, String password) {
        var login = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
                .exchange();
        assertThat(login).hasStatus3xxRedirection();
        return login.getResponse().getCookie("SESSION");
    }
}
