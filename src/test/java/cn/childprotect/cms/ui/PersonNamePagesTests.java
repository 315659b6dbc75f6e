package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserChange;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The pages name people as they know each other: the assignee and the actors of the timeline by
 * their display names, not by usernames such as "director7"; a rename shows at once.
 */
class PersonNamePagesTests extends IntegrationTest {

    @Autowired
    UserDetailsService accounts;

    @Autowired
    UserDirectory users;

    private String page(String username, String path) {
        MvcTestResult result = mvc.get().uri(path).with(user(accounts.loadUserByUsername(username)))
                .locale(Locale.SIMPLIFIED_CHINESE).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCasePageAndTheListNameTheAssigneeAndTheActorsByTheirDisplayNames() {
        String director = "namedir" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(users.displayNameOf(director)).isEqualTo(director); // no account yet (and now kept so) ...
        users.create(new NewUser(director, "儿童主任 王小红（城关村）", "a-Long-pass-123", Role.CHILD_DIRECTOR,
                "141029100001", null, null, null, null), "admin");
        assertThat(users.displayNameOf(director)).isEqualTo("儿童主任 王小红（城关村）"); // ... forgotten at the creation
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["GD04"],"villageCode":"141029100001","narrative":"称呼测试",
                         "child":{"name":"称呼测试","sex":"MALE","villageCode":"141029100001"},
                         "reporter":{"anonymous":true}}""").exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        assertThat(fire("supervisor1", caseId, "ACCEPT", null)).hasStatusOk();
        assertThat(assigneeOn(page("supervisor1", "/cases/" + caseId))).contains("未指派");
        assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", caseId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + director + "\"}")).hasStatusOk();

        String casePage = page("supervisor1", "/cases/" + caseId);
        assertThat(casePage).contains("儿童主任 王小红（城关村）")
                // the timeline's ACCEPT by the township supervisor, by name
                .contains("儿童督导员 张伟（昌宁镇）");
        assertThat(assigneeOn(casePage)).contains("王小红").contains("title=\"" + director + "\"");
        assertThat(page("supervisor1", "/cases?assignee=" + director)).contains("儿童主任 王小红（城关村）");

        // renamed: the next page says the new name (this instance forgets the old one at the commit)
        users.update(director, new UserChange("儿童主任 王红（城关村）", null, null, null, null, null, null, null, null, null),
                "admin");
        // (the timeline keeps "指派给 王小红": what was written then)
        assertThat(assigneeOn(page("supervisor1", "/cases/" + caseId))).contains("儿童主任 王红（城关村）").doesNotContain("王小红");
    }

    private static String assigneeOn(String casePage) {
        String from = casePage.substring(casePage.indexOf("id=\"case-assignee\""));
        return from.substring(0, from.indexOf("</span>"));
    }

    @Test
    void someoneWithoutAnAccountIsShownByTheNameTheRecordHas() {
        assertThat(users.displayNameOf("12345-platform")).isEqualTo("12345-platform");
        assertThat(users.displayNameOf(null)).isNull();
        assertThat(users.displayNameOf("director1")).isEqualTo("儿童主任 李芳（城关村）");
    }
}
