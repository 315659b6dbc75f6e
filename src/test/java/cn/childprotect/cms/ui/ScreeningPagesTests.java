package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Locale;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The case page's screening panel: proposal, the accept dialog with an override, the first contact. */
class ScreeningPagesTests extends IntegrationTest {

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSupervisorAcceptsWithAnOverrideAndTheDirectorRecordsTheFirstContact() {
        var filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"HOTLINE","categories":["MR01"],"villageCode":"141029100001","narrative":"邻居来电",
                         "child":{"name":"%s","sex":"FEMALE","villageCode":"141029100001"},
                         "police":{"notifiedAt":"2026-11-20T08:00:00Z","station":"城关派出所","receiptNumber":"J1"},
                         "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(TestIds.uniqueName())).exchange();
        assertThat(filed).hasStatus(201);
        long id = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", ((Number) read(filed, "$.reportId")).longValue())
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(accounts.loadUserByUsername("supervisor1")))
                .locale(Locale.SIMPLIFIED_CHINESE).exchange()).hasStatusOk().bodyText()
                .contains("id=\"accept-dialog\"").contains("data-proposed=\"IMMEDIATE\"").contains("MR01");
        long version = jdbc.queryForObject("select version from cases_case where id = ?", Long.class, id);

        assertThat(mvc.post().uri("/cases/{id}/screening/accept", id).with(user(accounts.loadUserByUsername("supervisor1")))
                .with(csrf()).param("version", String.valueOf(version)).param("responsePriority", "H24")
                .param("overrideReason", "儿童已由外婆接走照看").exchange()).hasStatus3xxRedirection();
        assertThat(jdbc.queryForObject("select response_priority from cases_screening where case_id = ?", String.class, id))
                .isEqualTo("H24");
        jdbc.update("update cases_case set assignee = 'director1' where id = ?", id);

        assertThat(mvc.post().uri("/cases/{id}/first-contact", id).with(user(accounts.loadUserByUsername("director1")))
                .with(csrf()).param("contactedAt", "").param("note", "见到孩子").exchange()).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(accounts.loadUserByUsername("director1")))
                .locale(Locale.SIMPLIFIED_CHINESE).exchange()).hasStatusOk().bodyText()
                .contains("id=\"first-contact\"").contains("儿童已由外婆接走照看").contains("id=\"history-panel\"").doesNotContain("id=\"first-contact-form\"");

        // evidence: the case page's upload (progress by static/js/evidence-upload.js) and download
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
                0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 7, 7, 7, (byte) 0xFF, (byte) 0xD9 };
        assertThat(mvc.post().uri("/cases/{id}/attachments", id).with(user(accounts.loadUserByUsername("director1")))
                .with(csrf()).multipart().file(new org.springframework.mock.web.MockMultipartFile("file", "visit.jpg",
                        "image/jpeg", jpeg)).exchange()).hasStatus3xxRedirection();
        Long fileId = jdbc.queryForObject("select max(id) from evidence_attachment where case_id = ?", Long.class, id);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(accounts.loadUserByUsername("director1")))
                .locale(Locale.SIMPLIFIED_CHINESE).exchange()).hasStatusOk().bodyText().contains("visit.jpg")
                .contains("evidence-upload.js");
        var download = mvc.get().uri("/cases/{c}/attachments/{a}", id, fileId)
                .with(user(accounts.loadUserByUsername("director1"))).exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(jpeg);
    }
}
