package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SecurityTests extends IntegrationTest {

    @Test
    void meAnswersWithRoleAndVillage() {
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic("director1")))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.role").isEqualTo("CHILD_DIRECTOR");
                    assertThat(json).extractingPath("$.jurisdictionCode").isEqualTo("141029100001");
                    assertThat(json).extractingPath("$.jurisdictionName").isEqualTo("城关村");
                });
    }

    @Test
    void noCredentialsIsAProblem401() {
        assertThat(mvc.get().uri("/api/v1/me"))
                .hasStatus(401)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/unauthorized");
    }

    @Test
    void wrongPasswordIsAProblem401InChinese() {
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic("county1", "not-the-password")))
                .hasStatus(401)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("需要登录");
    }

    @Test
    void adminEndpointsAreForbiddenToOtherRoles() {
        for (String user : new String[] { "director1", "supervisor1", "county1", "operator1", "school1", "police1" }) {
            assertThat(mvc.get().uri("/api/v1/admin/users").header("Authorization", basic(user)))
                    .hasStatus(403)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/forbidden");
        }
        assertThat(mvc.get().uri("/api/v1/admin/users").header("Authorization", basic("admin"))).hasStatusOk();
    }

    @Test
    void actuatorHealthAndInfoArePublicTheRestNeedsAdmin() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/metrics")).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/metrics").header("Authorization", basic("supervisor1"))).hasStatus(403);
        assertThat(mvc.get().uri("/actuator/metrics").header("Authorization", basic("admin"))).hasStatusOk();
    }

    @Test
    void fiveFailedLoginsLockTheAccountUntilAnAdminUnlocksIt() {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"锁定测试","password":"right-password-1",
                         "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username)))
                .hasStatus(201);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "right-password-1")))
                .hasStatusOk();

        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "wrong-" + i)))
                    .hasStatus(401);
        }
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "right-password-1")))
                .hasStatus(401)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/account-locked");

        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unlock\":true}"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "right-password-1")))
                .hasStatusOk();
    }

    @Test
    void fourFailuresThenASuccessResetTheCounter() {
        String username = "reset" + UUID.randomUUID().toString().substring(0, 8);
        mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"计数测试","password":"right-password-1",
                         "role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}""".formatted(username))
                .exchange();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "wrong")).exchange();
            }
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "right-password-1")))
                    .hasStatusOk();
        }
    }

    @Test
    void browserPagesRedirectToTheLoginForm() {
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("用户名", "密码");
    }
}
