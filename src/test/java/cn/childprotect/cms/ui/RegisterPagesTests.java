package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 12, rendered by the server: the director's register, the entry page and its visit form, the review queue. */
class RegisterPagesTests extends IntegrationTest {

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

    String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void directorListsReviewQueueAndTheOneTapVisitForm() throws Exception {
        String name = "页面名册" + UUID.randomUUID().toString().substring(0, 4);
        MvcTestResult created = api().as("director1").post("/api/v1/register", """
                {"child":{"name":"%s","birthDate":"2017-01-01"},"villageCode":"141029100001","categories":["LEFT_BEHIND"],
                 "tier":"RED"}""".formatted(name));
        long id = ((Number) read(created, "$.id")).longValue();

        String queue = html(page("supervisor1", "/register/review"));
        assertThat(queue).contains(name).contains("待乡镇审核");
        assertThat(html(page("supervisor2", "/register/review"))).doesNotContain(name);

        MvcTestResult approve = form("supervisor1", "/register/" + id + "/transitions", "event", "APPROVE", "version",
                String.valueOf(((Number) read(api().as("supervisor1").get("/api/v1/register/{id}", id), "$.version")).longValue()));
        assertThat(approve).hasStatus3xxRedirection();
        assertThat(html(page("county1", "/register/review"))).contains(name);
        assertThat(form("county1", "/register/" + id + "/transitions", "event", "CONFIRM", "version",
                String.valueOf(((Number) read(api().as("county1").get("/api/v1/register/{id}", id), "$.version")).longValue())))
                .hasStatus3xxRedirection();

        String list = html(page("director1", "/register"));
        assertThat(list).contains(name).contains("/register/" + id + "#visit");
        String entry = html(page("director1", "/register/" + id));
        assertThat(entry).contains("id=\"visit-form\"").contains("入户走访").contains("在册");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(form("director1", "/register/" + id + "/visits", "visitedOn", today.toString(), "kind", "HOME",
                "safety", "SAFE", "livingConditions", "FOOD")).hasStatus3xxRedirection();
        assertThat(html(page("director1", "/register/" + id))).contains(today.plusDays(7).toString());
        assertThat(page("director2", "/register/" + id).getResponse().getStatus()).isEqualTo(404);
    }
}
