package cn.childprotect.cms.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.support.IntegrationTest;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Issue 17 item 4: nobody locks the deployment out of its administration, and a user whose
 * access is cut back loses their open browser sessions at once.
 */
class AccountSafetyTests extends IntegrationTest {

    @Autowired
    UserDirectory users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    AuditLog auditLog;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anAdministratorCannotDisableOrDemoteTheirOwnAccount() {
        String admin = createUser("ADMIN", "141029000000");
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + admin).header("Authorization", basic(admin, "a-good-password"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .hasStatus(409).hasContentType("application/problem+json")
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/own-admin-account");
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("enabled");
                    assertThat(body).extractingPath("$.detail").asString().contains("不能停用自己的账户");
                });
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + admin).header("Authorization", basic(admin, "a-good-password"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"SUPERVISOR\"}"))
                .hasStatus(409).bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");
        assertThat(users.find(admin)).hasValueSatisfying(u -> {
            assertThat(u.enabled()).isTrue();
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });
        // another administrator may
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + admin).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .hasStatusOk();
    }

    @Test
    void theLastEnabledAdministratorStaysOne() {
        String last = createUser("ADMIN", "141029000000");
        List<UserAccount> others = accounts.findByRoleAndEnabledTrueOrderByUsername(Role.ADMIN).stream()
                .filter(a -> !a.username().equals(last)).toList();
        try {
            others.forEach(a -> {
                a.setEnabled(false);
                accounts.save(a);
            });
            assertThatThrownBy(() -> users.update(last, change(false, null), "system"))
                    .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.type()).isEqualTo(UserDirectory.LAST_ADMIN));
            assertThatThrownBy(() -> users.update(last, new UserChange(null, Role.SUPERVISOR, null, null, null, null,
                    null, null, null, null), "system"))
                    .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.type()).isEqualTo(UserDirectory.LAST_ADMIN));
            assertThat(users.find(last)).hasValueSatisfying(u -> assertThat(u.enabled()).isTrue());
        }
        finally {
            others.forEach(other -> accounts.findByUsername(other.username()).ifPresent(a -> {
                a.setEnabled(true);
                accounts.save(a);
            }));
        }
        assertThat(users.find("admin")).hasValueSatisfying(u -> assertThat(u.enabled()).isTrue());
    }

    @Test
    void disablingAUserEndsTheirBrowserSessions() {
        String director = createUser("CHILD_DIRECTOR", "141029100002");
        Cookie session = formLogin(director);
        assertThat(mvc.get().uri("/cases").cookie(session)).hasStatusOk();
        assertThat(sessions.findByPrincipalName(director)).hasSize(1);

        assertThat(mvc.patch().uri("/api/v1/admin/users/" + director).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")).hasStatusOk();

        assertThat(sessions.findByPrincipalName(director)).isEmpty();
        assertThat(mvc.get().uri("/cases").cookie(session)).hasStatus3xxRedirection()
                .redirectedUrl().endsWith("/login");
        assertThat(auditLog.search("admin", "USER", director, "SESSIONS_ENDED", PageRequest.of(0, 5)).getContent())
                .hasSize(1);
        // whether or not the event registry tracks the listener, nothing is left to retry
        assertThat(jdbc.queryForObject("""
                select count(*) from EVENT_PUBLICATION
                where event_type like '%UserAccessChanged' and completion_date is null""", Long.class)).isZero();
    }

    @Test
    void aNewRoleOrJurisdictionOrPasswordEndsTheSessionsButANewEmailDoesNot() {
        String director = createUser("CHILD_DIRECTOR", "141029100002");
        formLogin(director);
        patch(director, "{\"email\":\"new@example.org\"}");
        assertThat(sessions.findByPrincipalName(director)).hasSize(1);

        patch(director, "{\"jurisdictionCode\":\"141029100003\"}");
        assertThat(sessions.findByPrincipalName(director)).isEmpty();

        formLogin(director);
        patch(director, "{\"role\":\"SUPERVISOR\",\"jurisdictionCode\":\"141029100000\"}");
        assertThat(sessions.findByPrincipalName(director)).isEmpty();

        formLogin(director);
        patch(director, "{\"password\":\"another-good-password\"}");
        assertThat(sessions.findByPrincipalName(director)).isEmpty();
        // the tests share one database: this supervisor must not receive other tests' alert mails
        patch(director, "{\"enabled\":false}");
    }

    @Test
    void anAccountLockedByFailedLoginsKeepsItsSessions() {
        String director = createUser("CHILD_DIRECTOR", "141029100002");
        formLogin(director);
        failLoginsFromTwoAddresses(director);
        assertThat(users.find(director)).hasValueSatisfying(u -> assertThat(u.locked()).isTrue());
        // a stranger failing logins on purpose must not log the owner out (LoginAttempts)
        assertThat(sessions.findByPrincipalName(director)).isNotEmpty();
    }

    @Test
    void theAdminPageResetsUnlocksAndMovesAccountsAndShowsARefusalNextToTheAccount() {
        String director = createUser("CHILD_DIRECTOR", "141029100002");
        Cookie admin = formLogin("admin", PASSWORD);

        assertThat(mvc.post().uri("/admin/users/{u}/password", director).cookie(admin).with(csrf())
                .param("password", "a-new-password-1")).hasStatus3xxRedirection().flash().containsKey("saved");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(director, "a-new-password-1")))
                .hasStatusOk();

        failLoginsFromTwoAddresses(director);
        assertThat(users.find(director)).hasValueSatisfying(u -> assertThat(u.locked()).isTrue());
        assertThat(mvc.post().uri("/admin/users/{u}/unlock", director).cookie(admin).with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(users.find(director)).hasValueSatisfying(u -> assertThat(u.locked()).isFalse());

        assertThat(mvc.post().uri("/admin/users/{u}/role", director).cookie(admin).with(csrf())
                .param("role", "SUPERVISOR").param("jurisdictionCode", "141029101000")).hasStatus3xxRedirection();
        assertThat(users.find(director)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.SUPERVISOR);
            assertThat(u.jurisdictionCode()).isEqualTo("141029101000");
        });
        // a supervisor must not be bound to a village: refused, nothing changes
        assertThat(mvc.post().uri("/admin/users/{u}/role", director).cookie(admin).with(csrf())
                .param("role", "SUPERVISOR").param("jurisdictionCode", "141029101001")).hasStatus3xxRedirection()
                .flash().containsEntry("errorUser", director);

        // the name every page shows for the account, and its mail address; a blank name is refused
        assertThat(mvc.post().uri("/admin/users/{u}/profile", director).cookie(admin).with(csrf())
                .param("displayName", "  儿童督导员 新名字（光华镇） ").param("email", "new@example.cn"))
                .hasStatus3xxRedirection().flash().containsKey("saved");
        assertThat(users.find(director)).hasValueSatisfying(u -> {
            assertThat(u.displayName()).isEqualTo("儿童督导员 新名字（光华镇）");
            assertThat(u.email()).isEqualTo("new@example.cn");
        });
        assertThat(users.displayNameOf(director)).isEqualTo("儿童督导员 新名字（光华镇）");
        assertThat(mvc.post().uri("/admin/users/{u}/profile", director).cookie(admin).with(csrf())
                .param("displayName", " ").param("email", "")).hasStatus3xxRedirection().flash()
                .containsEntry("errorUser", director).containsEntry("pageError", "显示名称不能为空，最多 100 个字");
        assertThat(users.find(director)).hasValueSatisfying(u -> {
            assertThat(u.displayName()).isEqualTo("儿童督导员 新名字（光华镇）");
            assertThat(u.email()).isEqualTo("new@example.cn");
        });
        // a malformed address would make every mail to the account fail in the outbox: refused
        assertThat(mvc.post().uri("/admin/users/{u}/profile", director).cookie(admin).with(csrf())
                .param("displayName", "儿童督导员 新名字（光华镇）").param("email", "new at example")).hasStatus3xxRedirection()
                .flash().containsEntry("errorUser", director).containsKey("pageError");
        assertThat(users.find(director)).hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("new@example.cn"));
        assertThat(mvc.get().uri("/api/v1/admin/audit?action=USER_UPDATED&targetId={u}", director)
                .header("Authorization", basic("admin"))).hasStatusOk().bodyText().contains("display-name email");

        assertThat(mvc.post().uri("/admin/users/{u}/enabled", "admin").cookie(admin).with(csrf())
                .param("enabled", "false")).hasStatus3xxRedirection().flash()
                .containsEntry("errorUser", "admin").containsKey("pageError");
        assertThat(users.find("admin")).hasValueSatisfying(u -> assertThat(u.enabled()).isTrue());
        assertThat(mvc.get().uri("/admin").cookie(admin)).hasStatusOk().bodyText()
                .contains("<th scope=\"col\">管辖范围</th>").contains("乡宁县 / 光华镇");
        // the tests share one database: this supervisor must not receive other tests' alert mails
        patch(director, "{\"enabled\":false}");
    }

    private void patch(String username, String json) {
        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).hasStatusOk();
    }

    /**
     * Five failures from one address block only that address for the account (credentials:
     * no one can lock an account out from one place); the account itself locks after
     * max-failed-logins-per-account failures from all addresses (10 in the test profile).
     */
    private void failLoginsFromTwoAddresses(String username) {
        for (String address : new String[] { "10.44.0.1", "10.44.0.2" }) {
            for (int i = 0; i < 5; i++) {
                mvc.get().uri("/api/v1/me").with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).header("Authorization", basic(username, "wrong-password")).exchange();
            }
        }
    }

    private Cookie formLogin(String username) {
        return formLogin(username, "a-good-password");
    }

    private Cookie formLogin(String username, String password) {
        var login = mvc.post().uri("/login").param("username", username).param("password", password)
                .with(csrf()).exchange();
        assertThat(login).hasStatus3xxRedirection();
        Cookie cookie = login.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    private String createUser(String role, String code) {
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"测试账户","password":"a-good-password",
                         "role":"%s","jurisdictionCode":"%s"}""".formatted(username, role, code)))
                .hasStatus(201);
        return username;
    }

    private static UserChange change(Boolean enabled, Role role) {
        return new UserChange(null, role, null, null, null, null, null, enabled, null, null);
    }
}
