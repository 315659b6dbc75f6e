package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 18 item 4: bearer tokens, their revocation, machine accounts with API keys. */
class CredentialsTests extends IntegrationTest {

    @Autowired
    MutableClock clock;

    private String token(String username, String password) {
        MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat((String) read(result, "$.token_type")).isEqualTo("Bearer");
        assertThat((Integer) read(result, "$.expires_in")).isEqualTo(1800);
        return read(result, "$.access_token");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private String newUser(String role, String jurisdiction) {
        String username = "cred" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"令牌测试","password":"right-password-1",
                         "role":"%s","jurisdictionCode":"%s"}""".formatted(username, role, jurisdiction)))
                .hasStatus(201);
        return username;
    }

    @Test
    void aTokenStandsForTheSameUserAsHisPassword() {
        String token = token("director1", PASSWORD);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token)))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.username").isEqualTo("director1");
                    assertThat(json).extractingPath("$.role").isEqualTo("CHILD_DIRECTOR");
                    assertThat(json).extractingPath("$.jurisdictionCode").isEqualTo("141029100001");
                });
        // the role rules are the same as with a password
        assertThat(mvc.get().uri("/api/v1/admin/users").header("Authorization", bearer(token))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/admin/users").header("Authorization", bearer(token("admin", PASSWORD))))
                .hasStatusOk();
    }

    @Test
    void aWrongPasswordGetsNoTokenAndABadTokenIsAProblem401() {
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"county1\",\"password\":\"not-the-password\"}"))
                .hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/unauthorized");
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        String token = token("county1", PASSWORD);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        for (String bad : new String[] { "not-a-token", forged }) {
            MvcTestResult result = mvc.get().uri("/api/v1/me").header("Authorization", bearer(bad)).exchange();
            assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/unauthorized");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat((String) read(result, "$.detail")).contains("/api/v1/auth/token");
        }
    }

    @Test
    void aTokenExpires() {
        String token = token("county1", PASSWORD);
        try {
            clock.advance(Duration.ofMinutes(29));
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token))).hasStatusOk();
            clock.advance(Duration.ofMinutes(2));
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token))).hasStatus(401);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void disablingReRolingMovingOrResettingTheAccountEndsItsTokens() {
        String[] changes = { "{\"enabled\":false}", "{\"role\":\"HOTLINE_OPERATOR\",\"jurisdictionCode\":\"141029000000\"}",
                "{\"jurisdictionCode\":\"141029101000\"}", "{\"password\":\"another-password-2\"}" };
        for (String change : changes) {
            String username = newUser("SUPERVISOR", "141029100000");
            String token = token(username, "right-password-1");
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token))).hasStatusOk();
            assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(change)).hasStatusOk();
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token))).as(change).hasStatus(401);
        }
        // a change that does not touch what the token stands for keeps it
        String username = newUser("SUPERVISOR", "141029100000");
        String token = token(username, "right-password-1");
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"新名字\"}")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token))).hasStatusOk();
    }

    @Test
    void aMachineAccountUsesItsApiKeyUntilTheKeyIsRevoked() {
        String username = "portal" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult created = mvc.post().uri("/api/v1/admin/machine-accounts").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"城关小学报告平台","role":"REPORTER",
                         "jurisdictionCode":"141029100001","institutionType":"SCHOOL","institutionName":"乡宁县城关小学",
                         "keyLabel":"school portal"}""".formatted(username)).exchange();
        assertThat(created).hasStatus(201);
        String key = read(created, "$.key");
        long keyId = ((Number) read(created, "$.summary.id")).longValue();
        assertThat(key).startsWith("cmsk_").hasSizeGreaterThan(40);

        assertThat(mvc.get().uri("/api/v1/me").header("X-API-Key", key)).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.username").isEqualTo(username);
                    assertThat(json).extractingPath("$.role").isEqualTo("REPORTER");
                });
        assertThat(mvc.get().uri("/api/v1/cases").header("X-API-Key", key)).hasStatus(403);
        // the key is never shown again, and the account has no password to log in with
        assertThat(mvc.get().uri("/api/v1/admin/machine-accounts/{u}/api-keys", username)
                .header("Authorization", basic("admin"))).hasStatusOk().bodyText()
                .contains(key.substring(0, 12)).doesNotContain(key);
        assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, key))).hasStatus(401);

        MvcTestResult second = mvc.post().uri("/api/v1/admin/machine-accounts/{u}/api-keys", username)
                .header("Authorization", basic("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"label\":\"rotation\"}").exchange();
        assertThat(second).hasStatus(201);
        String secondKey = read(second, "$.key");

        assertThat(mvc.delete().uri("/api/v1/admin/machine-accounts/{u}/api-keys/{id}", username, keyId)
                .header("Authorization", basic("admin"))).hasStatusOk().bodyJson()
                .extractingPath("$.revokedBy").isEqualTo("admin");
        assertThat(mvc.get().uri("/api/v1/me").header("X-API-Key", key)).hasStatus(401)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/me").header("X-API-Key", secondKey)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header("X-API-Key", "cmsk_guessed")).hasStatus(401);

        // disabling the account ends every key
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header("X-API-Key", secondKey)).hasStatus(401);

        assertThat(mvc.get().uri("/api/v1/admin/audit?targetId={u}", username).header("Authorization", basic("admin")))
                .hasStatusOk().bodyText()
                .contains("MACHINE_ACCOUNT_CREATED", "API_KEY_CREATED", "API_KEY_REVOKED");
    }

    @Test
    void machineAccountsAreReportersOrHotlineOperatorsOnly() {
        assertThat(mvc.post().uri("/api/v1/admin/machine-accounts").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"robot-supervisor","displayName":"x","role":"SUPERVISOR",
                         "jurisdictionCode":"141029100000"}"""))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");
        assertThat(mvc.post().uri("/api/v1/admin/machine-accounts").header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);
    }
}
