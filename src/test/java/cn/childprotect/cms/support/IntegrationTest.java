package cn.childprotect.cms.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * Base of every test that needs the whole application: the real security filters, Flyway and
 * the database chosen by {@link TestDatabase}. All such tests share one application context,
 * and so one database: a test creates its own data and never assumes an empty table.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestGuards.class, CaseFixtures.class, TestClockConfiguration.class, ConcurrentChanges.class })
public abstract class IntegrationTest {

    public static final String PASSWORD = "test-pass-123";

    @Autowired
    protected MockMvcTester mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
        registry.add("spring.mail.port", () -> TestMail.PORT);
    }

    /** Reads one value of a JSON response body. */
    protected static <T> T read(MvcTestResult result, String jsonPath) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), jsonPath);
        }
        catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fires a workflow event as the user, with the case's current version. */
    protected MvcTestResult fire(String user, long caseId, String event, String reason) {
        MvcTestResult current = mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic(user)).exchange();
        String etag = current.getResponse().getHeader("ETag");
        String body = reason == null ? "{\"event\":\"%s\"}".formatted(event)
                : "{\"event\":\"%s\",\"reason\":\"%s\"}".formatted(event, reason);
        return mvc.post().uri("/api/v1/cases/{id}/transitions", caseId).header("Authorization", basic(user))
                .header("If-Match", etag == null ? "\"0\"" : etag)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** supervisor1 accepts a township-1 case and assigns it to director1. */
    protected void acceptAndAssignToDirector1(long caseId) {
        org.assertj.core.api.Assertions.assertThat(fire("supervisor1", caseId, "ACCEPT", null).getResponse().getStatus())
                .isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", caseId)
                .header("Authorization", basic("supervisor1"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"username\":\"director1\"}")
                .exchange().getResponse().getStatus()).isEqualTo(200);
    }

    /** Answers of the default instrument that give LOW risk; tests override single items. */
    protected static final String LOW_RISK_ANSWERS = """
            {"S1":"NO","S2":"NO","S3":"NO","S4":"NO","V1":"TEEN","V2":"NO","V3":"NO","C1":"NO","C2":"NO",
             "C3":"NO","P1":"YES","P2":"YES","F1":"NO","F2":"NO"}""";

    /** Drafts and completes an assessment through the API; returns its id. */
    protected long completeAssessment(String user, long caseId, String answersJson) {
        MvcTestResult draft = mvc.post().uri("/api/v1/cases/{id}/assessments", caseId).header("Authorization", basic(user))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"answers\":" + answersJson + ",\"rationale\":\"家访核实后评估\"}").exchange();
        org.assertj.core.api.Assertions.assertThat(draft.getResponse().getStatus()).isEqualTo(201);
        long id = ((Number) read(draft, "$.id")).longValue();
        org.assertj.core.api.Assertions.assertThat(mvc.post().uri("/api/v1/cases/{c}/assessments/{a}/complete", caseId, id)
                .header("Authorization", basic(user)).exchange().getResponse().getStatus()).isEqualTo(200);
        return id;
    }

    /** Writes a support plan with one service by a named provider. */
    protected void writePlan(String user, long caseId) {
        org.assertj.core.api.Assertions.assertThat(mvc.put().uri("/api/v1/cases/{id}/support-plan", caseId)
                .header("Authorization", basic(user)).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("""
                        {"goals":"保障儿童安全，恢复正常上学","services":[{"type":"监护指导","providerName":"城关村儿童之家",
                         "dueDate":"2026-12-31","status":"PLANNED"}]}""").exchange().getResponse().getStatus())
                .isEqualTo(200);
    }

    /** The fluent API client: {@code api().as("director1").dispatch(caseId, "XN-PS")}. */
    protected ApiClient api() {
        return new ApiClient(mvc, null, null);
    }

    protected static String basic(String username) {
        return basic(username, PASSWORD);
    }

    protected static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
