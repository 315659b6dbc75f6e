package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 18 item 5: throttling, security headers, password policy, audited refusals. */
class HardeningTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseFixtures fixtures;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String newOperator(String password) {
        String username = "hard" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"加固测试","password":"%s",
                         "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username, password)))
                .hasStatus(201);
        return username;
    }

    @Test
    void guessingFromOneAddressDoesNotLockTheAccountOutElsewhere() {
        String username = newOperator("right-password-1");
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get().uri("/api/v1/me").with(from("10.66.0.1"))
                    .header("Authorization", basic(username, "wrong-" + i))).hasStatus(401);
        }
        // the guessing address is blocked for this account, even with the right password ...
        assertThat(mvc.get().uri("/api/v1/me").with(from("10.66.0.1"))
                .header("Authorization", basic(username, "right-password-1")))
                .hasStatus(401).bodyJson().extractingPath("$.type")
                .isEqualTo("https://childprotect.cn/problems/account-locked");
        assertThat(mvc.post().uri("/api/v1/auth/token").with(from("10.66.0.1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"password\":\"right-password-1\"}".formatted(username)))
                .hasStatus(401);
        // ... the owner at another address is not
        assertThat(mvc.get().uri("/api/v1/me").with(from("10.66.0.2"))
                .header("Authorization", basic(username, "right-password-1"))).hasStatusOk();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_THROTTLED' "
                + "and target_id = ? and detail like '%10.66.0.1%'", Integer.class, username)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN' and outcome = 'FAILURE' "
                + "and actor = ? and client_address = '10.66.0.1'", Integer.class, username)).isGreaterThanOrEqualTo(5);

        // an administrator's unlock lets the address try again before the time is up
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unlock\":true}")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").with(from("10.66.0.1"))
                .header("Authorization", basic(username, "right-password-1"))).hasStatusOk();
    }

    @Test
    void passwordsFollowThePolicyWithFieldErrors() {
        String username = "pw" + UUID.randomUUID().toString().substring(0, 8);
        String[][] refused = { { "short-1", "至少需要 10 个字符" }, { username + "-2026!", "不能包含用户名" },
                { "Password123", "过于常见" }, { "woaini5201314", "过于常见" }, { "aaaaaaaaaaaa", "过于常见" } };
        for (String[] attempt : refused) {
            assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"username":"%s","displayName":"密码测试","password":"%s",
                             "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username, attempt[0])))
                    .as(attempt[0]).hasStatus(400).bodyJson().satisfies(json -> {
                        assertThat(json).extractingPath("$.errors[0].field").isEqualTo("password");
                        assertThat(json).extractingPath("$.errors[0].message").asString().contains(attempt[1]);
                    });
        }
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"x","password":"short",
                         "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username)))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].message").asString()
                .contains("at least 10 characters");
        // a password change follows the same rules
        String existing = newOperator("right-password-1");
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + existing).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"qwertyuiop\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        var login = mvc.get().uri("/login").exchange();
        assertThat(login).hasStatusOk();
        String csp = login.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");

        var api = mvc.get().uri("/api/v1/me").header("Authorization", basic("county1")).exchange();
        assertThat(api.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'none'",
                "frame-ancestors 'none'");
        assertThat(api.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        assertThat(mvc.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("username=admin&password=" + PASSWORD)).hasStatus(403);
        assertThat(mvc.post().uri("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("username=x")).hasStatus(403);
    }

    /** The policy allows no inline script or style: the templates must not need any. */
    @Test
    void templatesHaveNoInlineScriptStyleOrHandlers() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\sstyle=|th:style|\\son[a-z]+=|th:on[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".html")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(line -> inline.matcher(line).find())
                            .map(line -> p + ": " + line.strip());
                }
                catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void refusalsAreAuditedWithTheClientAddress() {
        long caseId = fixtures.openInVillage1().id();
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).with(from("10.77.0.1"))
                .header("Authorization", basic("supervisor2"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/admin/users").with(from("10.77.0.2"))
                .header("Authorization", basic("supervisor2"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/me").with(from("10.77.0.3"))).hasStatus(401);

        assertThat(jdbc.queryForList("select actor, action, outcome, detail from audit_entry where client_address = ?",
                "10.77.0.1")).anySatisfy(row -> {
                    assertThat(row.get("actor")).isEqualTo("supervisor2");
                    assertThat(row.get("action")).isEqualTo("REFUSED_NOT_FOUND");
                    assertThat(row.get("outcome")).isEqualTo("DENIED");
                    assertThat((String) row.get("detail")).contains("GET /api/v1/cases/" + caseId);
                });
        assertThat(jdbc.queryForList("select action from audit_entry where client_address = ? and actor = 'supervisor2'",
                String.class, "10.77.0.2")).contains("REFUSED_FORBIDDEN");
        assertThat(jdbc.queryForList("select action from audit_entry where client_address = ? and actor = 'anonymous'",
                String.class, "10.77.0.3")).contains("REFUSED_UNAUTHENTICATED");
    }
}
