package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Every failure of the API is application/problem+json with a stable type and no stack trace. */
class ErrorResponseTests extends IntegrationTest {

    @Test
    void unknownPathIs404Problem() {
        assertThat(mvc.get().uri("/api/v1/no-such-thing").header("Authorization", basic("admin")))
                .hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.title").isEqualTo("未找到");
    }

    @Test
    void wrongMethodIs405Problem() {
        assertThat(mvc.delete().uri("/api/v1/me").header("Authorization", basic("admin")))
                .hasStatus(405).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/method-not-allowed");
    }

    @Test
    void wrongContentTypeIs415Problem() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .hasStatus(415).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void malformedJsonIs400Problem() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": "))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/malformed-request");
    }

    @Test
    void unknownFieldIs400ProblemNaming() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"abc\",\"isAdmin\":true}"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("isAdmin");
    }

    @Test
    void validationErrorsListTheFieldsInChinese() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"ab\",\"displayName\":\"x\",\"password\":\"long-enough\",\"role\":\"ADMIN\",\"jurisdictionCode\":\"12\"}"))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/validation");
                    assertThat(json).extractingPath("$.errors[*].field").asArray()
                            .contains("username", "jurisdictionCode");
                    assertThat(json).extractingPath("$.errors[?(@.field=='jurisdictionCode')].message").asArray()
                            .contains("必须是 12 位行政区划代码");
                });
    }

    @Test
    void businessRuleOnAFieldIsAValidationProblem() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"dir-wrong-level","displayName":"x","password":"long-enough",
                         "role":"CHILD_DIRECTOR","jurisdictionCode":"141029100000"}"""))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("儿童主任必须绑定到村（居）");
    }

    @Test
    void enumValueOutOfRangeIs400() {
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"abc\",\"role\":\"KING\"}"))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        String big = "{\"displayName\":\"" + "x".repeat(300 * 1024) + "\"}";
        assertThat(mvc.post().uri("/api/v1/admin/users").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(big))
                .hasStatus(413).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
