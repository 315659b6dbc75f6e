package cn.childprotect.cms.ui;

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

/**
 * Issue 16 item 6, rendered by the server: co-handling in the dispatch form, the extension
 * request and its approval, the callback work list and form, the performance table.
 */
class CoopPagesTests extends IntegrationTest {

    @Autowired
    UserDetailsService accounts;

    MvcTestResult page(String username, String path) {
        return mvc.get().uri(path).with(user(accounts.loadUserByUsername(username))).locale(Locale.SIMPLIFIED_CHINESE)
                .exchange();
    }

    MvcTestResult form(String username, String path, String... params) {
        var request = mvc.post().uri(path).with(user(accounts.loadUserByUsername(username))).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void dispatchWithCoAgenciesExtensionCallbackAndPerformancePages() {
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["GD04"],"villageCode":"141029100001","narrative":"页面测试",
                         "child":{"name":"页面测试","sex":"MALE","villageCode":"141029100001"},
                         "reporter":{"anonymous":true}}""").exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);
        assertThat(page("director1", "/cases/" + caseId)).hasStatusOk().bodyText().contains("id=\"coAgencyCodes\"")
                .contains("协办单位");
        assertThat(form("director1", "/cases/" + caseId + "/work-orders", "agencyCode", "XN-PS", "coAgencyCodes",
                "XN-EDU", "requestText", "请核查", "sharedSummary", "一名儿童疑似受伤")).hasStatus3xxRedirection();
        MvcTestResult orders = mvc.get().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic("director1")).exchange();
        java.util.List<Number> leads = read(orders, "$[?(@.role == 'LEAD')].id");
        long lead = leads.get(0).longValue();
        assertThat(page("director1", "/cases/" + caseId)).bodyText().contains("主办").contains("协办 #" + lead);

        // the agency asks for an extension on its order page; the supervisor approves it from the list
        assertThat(page("police1", "/work-orders/" + lead)).hasStatusOk().bodyText().contains("id=\"extension-form\"");
        assertThat(form("police1", "/work-orders/" + lead + "/sign")).hasStatus3xxRedirection();
        assertThat(form("police1", "/extensions/" + lead, "due", "2031-01-01T10:00", "text", "等待鉴定"))
                .hasStatus3xxRedirection();
        assertThat(page("supervisor1", "/extensions")).hasStatusOk().bodyText().contains("等待鉴定")
                .contains("批准延期");
        Number rid = ((java.util.List<Number>) read(mvc.get().uri("/api/v1/extension-requests")
                .header("Authorization", basic("supervisor1")).exchange(),
                "$[?(@.workOrderId == " + lead + ")].id")).get(0);
        assertThat(form("supervisor1", "/extensions/" + lead + "/" + rid + "/approve")).hasStatus3xxRedirection();
        assertThat(page("police1", "/work-orders/" + lead)).bodyText().contains("id=\"extensions\"").contains("已批准");

        // callbacks work list and performance table
        assertThat(page("operator1", "/callbacks")).hasStatusOk().bodyText().contains("待回访工单");
        assertThat(page("supervisor1", "/performance?from=2026-01-01&to=2030-12-31")).hasStatusOk().bodyText()
                .contains("id=\"performance\"").contains("县公安局");
        // English pages from the English bundles
        assertThat(mvc.get().uri("/performance").with(user(accounts.loadUserByUsername("supervisor1")))
                .header("Accept-Language", "en").exchange()).bodyText().contains("Agency performance");
    }
}
