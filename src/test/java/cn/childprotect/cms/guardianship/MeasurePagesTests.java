package cn.childprotect.cms.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Locale;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 13 item 6, rendered by the server: the case panel, the per-type and per-step forms, documents, the supervisor list. */
class MeasurePagesTests extends IntegrationTest {

    @Autowired
    UserDetailsService accounts;

    MvcTestResult page(String username, String path) {
        return mvc.get().uri(path).with(user(accounts.loadUserByUsername(username))).locale(Locale.SIMPLIFIED_CHINESE)
                .exchange();
    }

    MvcTestResult form(String username, String path, String... params) {
        var request = mvc.post().uri(path).with(user(accounts.loadUserByUsername(username))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void recordAPlacementTakeStepsAndSeeItOnTheCaseAndTheSupervisorList() {
        // a case from a real report: the case page needs the child's record
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["GD04"],"villageCode":"141029100001","narrative":"父母外出，孩子无人照料",
                         "child":{"name":"页面测试","sex":"MALE","villageCode":"141029100001"},
                         "reporter":{"anonymous":true}}""").exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);
        assertThat(page("director1", "/cases/" + caseId)).hasStatusOk().bodyText().contains("id=\"measures-panel\"")
                .contains("暂无监护干预措施");
        assertThat(page("director1", "/cases/" + caseId + "/measures/new?type=TEMPORARY_GUARDIANSHIP")).hasStatusOk()
                .bodyText().contains("临时监护情形").contains("安置方式").contains("GD05");

        // a missing field comes back on the form, in Chinese
        assertThat(form("director1", "/cases/" + caseId + "/measures", "type", "TEMPORARY_GUARDIANSHIP", "ground",
                "GD04")).hasStatusOk().bodyText().contains("请填写安置地点");
        MvcTestResult created = form("director1", "/cases/" + caseId + "/measures", "type", "TEMPORARY_GUARDIANSHIP",
                "ground", "GD04", "placement", "FOSTER_FAMILY", "place", "城关镇寄养家庭", "occurredAt", "2026-11-20T10:00");
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).contains("emergency=offered");
        String measurePage = location.substring(0, location.indexOf('?'));
        assertThat(page("director1", location)).hasStatusOk().bodyText().contains("启动应急处置")
                .contains("id=\"step-REVIEW\"").contains("id=\"document-PLACEMENT_NOTICE\"").contains("城关镇寄养家庭");

        long id = Long.parseLong(measurePage.substring(measurePage.lastIndexOf('/') + 1));
        assertThat(form("director1", measurePage + "/steps", "step", "REVIEW", "version", "0", "note", "适应良好"))
                .hasStatus3xxRedirection();
        // a step that is a supervisor's comes back as an error on the page
        MvcTestResult refused = form("director1", measurePage + "/steps", "step", "END", "version", "1", "note", "交还");
        assertThat(refused).hasStatus3xxRedirection().flash().containsKey("stepError");
        assertThat(page("director1", "/cases/" + caseId)).bodyText().contains("id=\"measure-" + id + "\"")
                .contains("临时监护").contains("安置复核");
        assertThat(page("supervisor1", "/measures/active")).hasStatusOk().bodyText().contains("/measures/" + id);
        assertThat(page("director1", "/measures/active")).hasStatus(403);
        assertThat(page("director2", measurePage)).hasStatus(404);
        MvcTestResult docx = page("director1", measurePage + "/documents/PLACEMENT_NOTICE");
        assertThat(docx).hasStatusOk().hasContentType(MeasureDocument.DOCX);
    }
}
