package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;

class AdminUsersTests extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Test
    void adminCreatesDisablesAndReRolesAUserAndEveryStepIsAudited() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"新儿童主任","password":"a-good-password",
                         "role":"CHILD_DIRECTOR","jurisdictionCode":"141029100002"}""".formatted(username)))
                .hasStatus(201)
                .hasHeader("Location", "http://localhost/api/v1/admin/users/" + username);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "a-good-password")))
                .hasStatusOk().bodyJson().extractingPath("$.jurisdictionName").isEqualTo("南关村");

        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"SUPERVISOR\",\"jurisdictionCode\":\"141029100000\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("SUPERVISOR");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "a-good-password")))
                .hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("SUPERVISOR");

        assertThat(mvc.patch().uri("/api/v1/admin/users/" + username).header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic(username, "a-good-password")))
                .hasStatus(401);

        var audit = auditLog.search(null, "USER", username, null, PageRequest.of(0, 20)).getContent();
        assertThat(audit).extracting(r -> r.action()).contains("USER_CREATED", "USER_UPDATED");
        assertThat(audit).allSatisfy(r -> assertThat(r.actor()).isIn("admin", username));
        assertThat(audit).filteredOn(r -> r.action().equals("USER_UPDATED")).hasSize(2);
    }

    @Test
    void reporterAccountsNeedTheirInstitution() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"school-x","displayName":"某小学","password":"a-good-password",
                         "role":"REPORTER","jurisdictionCode":"141029100002"}"""))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("institutionName");
    }

    @Test
    void failedLoginsAreAudited() {
        mvc.get().uri("/api/v1/me").header("Authorization", basic("operator1", "bad-password")).exchange();
        var audit = auditLog.search("operator1", "USER", "operator1", "LOGIN",
                PageRequest.of(0, 5, org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "id")))
                .getContent(); // newest first: other tests log operator1 in many times
        assertThat(audit).anySatisfy(r -> assertThat(r.outcome()).isEqualTo("FAILURE"));
        // a success afterwards resets the counter, so the demo user is never locked by this test
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", basic("operator1"))).hasStatusOk();
    }
}
