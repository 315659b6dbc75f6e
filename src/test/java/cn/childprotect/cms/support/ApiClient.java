package cn.childprotect.cms.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A small fluent client for the API in tests (issue 11 item 8), instead of copied MockMvc chains:
 * {@code api.as("director1").dispatch(caseId, "XN-PS")}. Each call returns the
 * {@link MvcTestResult}, for AssertJ's {@code assertThat(...)}. Start from
 * {@link IntegrationTest#api()}.
 */
public final class ApiClient {

    private final MockMvcTester mvc;
    private final String authorization;
    private final String language;

    ApiClient(MockMvcTester mvc, String authorization, String language) {
        this.mvc = mvc;
        this.authorization = authorization;
        this.language = language;
    }

    /** A client over this MockMvc (for tests that are not {@link IntegrationTest}s, e.g. the browser tests). */
    public static ApiClient over(MockMvcTester mvc) {
        return new ApiClient(mvc, null, null);
    }

    /** The same client acting as this demo user (password {@link IntegrationTest#PASSWORD}). */
    public ApiClient as(String username) {
        String token = Base64.getEncoder()
                .encodeToString((username + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(mvc, "Basic " + token, language);
    }

    /** The same client asking for answers in this language ({@code Accept-Language}). */
    public ApiClient inLanguage(String languageTag) {
        return new ApiClient(mvc, authorization, languageTag);
    }

    public MvcTestResult get(String uri, Object... vars) {
        var request = mvc.get().uri(uri, vars).header("Authorization", authorization);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.exchange();
    }

    public MvcTestResult post(String uri, String json, Object... vars) {
        var request = mvc.post().uri(uri, vars).header("Authorization", authorization);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return json == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult put(String uri, String json, Object... vars) {
        var request = mvc.put().uri(uri, vars).header("Authorization", authorization);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    public MvcTestResult caseFile(long caseId) {
        return get("/api/v1/cases/{id}", caseId);
    }

    public MvcTestResult report(String json) {
        return post("/api/v1/reports", json);
    }

    /** Fires a workflow event with the version just read (If-Match from the case's ETag). */
    public MvcTestResult fire(long caseId, String event, String reason) {
        String etag = caseFile(caseId).getResponse().getHeader("ETag");
        String body = reason == null ? "{\"event\":\"%s\"}".formatted(event)
                : "{\"event\":\"%s\",\"reason\":\"%s\"}".formatted(event, reason);
        var request = mvc.post().uri("/api/v1/cases/{id}/transitions", caseId).header("Authorization", authorization)
                .header("If-Match", etag == null ? "\"0\"" : etag);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** Dispatches a work order on the case to the agency (request text fixed: the test is about the step). */
    public MvcTestResult dispatch(long caseId, String agencyCode) {
        return post("/api/v1/cases/{id}/work-orders", """
                {"agencyCode":"%s","requestText":"请核查并依法处置","sharedSummary":"一名儿童疑似受到伤害"}"""
                .formatted(agencyCode), caseId);
    }
}
