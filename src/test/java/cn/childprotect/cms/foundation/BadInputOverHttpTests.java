package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input sent to the real embedded server, byte for byte as a fuzzer sends it: whatever
 * layer refuses it (Tomcat's URI parser, Spring Security's firewall, Spring MVC), every error
 * under /api is application/problem+json, and a wildcard Content-Type is a 415, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputOverHttpTests {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    record Answer(int status, String contentType, String body) {
    }

    /** Sends the request line exactly as given (no client normalises or re-encodes the path). */
    private Answer raw(String method, String target, String contentType, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Authorization: ").append(AUTH).append("\r\nConnection: close\r\n");
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String type = List.of(head).stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(h -> h.substring(13).strip()).findFirst().orElse(null);
            return new Answer(status, type, response.substring(headerEnd + 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/%00", "/api/v1/cases/%00", "/api/v1/..%2f..%2fetc%2fpasswd", "/api/v1/cases%2f1",
            "/api/v1/cases/1%5c", "/api/v1/cases/%ff", "/api/v1/cases/%", "/api/v1/cases/%2e%2e/x",
            "/api/v1/cases;x=1/1", "/api/v1/cases/1;jsessionid=x", "/api/v1/cases?q=%zz",
            "/api/v1/cases/%2e%2e%2f%2e%2e%2fadmin" })
    void aPathOrQueryTheServerRefusesIsAProblem(String target) throws IOException {
        Answer answer = raw("GET", target, null, null);
        assertThat(answer.status()).as(target).isBetween(400, 499);
        assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        assertThat(answer.body()).as(target).contains("\"type\":\"https://childprotect.cn/problems/")
                .doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/*", "*/*", "application/*+json", "*", "json", "application/json;;;=" })
    void aWildcardOrUnreadableContentTypeIs415(String contentType) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String[] call : List.of(new String[] { "POST", "/api/v1/reports" }, new String[] { "POST", "/api/v1/admin/users" },
                new String[] { "PUT", "/api/v1/cases/1/assignee" }, new String[] { "POST", "/api/v1/cases/1/transitions" },
                new String[] { "POST", "/api/v1/reports/1/link" }, new String[] { "PUT", "/api/v1/admin/agencies/XN-PS" },
                new String[] { "PATCH", "/api/v1/admin/users/admin" })) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
                    .header("Authorization", AUTH).header("Content-Type", contentType)
                    .method(call[0], HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(call[0] + " " + call[1] + " with " + contentType).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("unsupported-media-type");
        }
    }

    @Test
    void theBrowserPagesKeepAnHtmlErrorPage() throws IOException {
        Answer answer = raw("GET", "/cases/%00", null, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).doesNotStartWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Apache Tomcat/");
    }

    @Test
    void aGoodRequestIsUntouched() throws IOException {
        Answer answer = raw("GET", "/api/v1/me", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        Answer json = raw("POST", "/api/v1/admin/users", "application/json; charset=UTF-8", "{\"username\": ");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.contentType()).startsWith("application/problem+json");
    }
}
