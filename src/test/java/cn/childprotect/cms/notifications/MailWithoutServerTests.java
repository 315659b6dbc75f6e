package cn.childprotect.cms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/** Without a mail server an alert logs one WARN line, no trace. */
@ExtendWith(OutputCaptureExtension.class)
class MailWithoutServerTests extends IntegrationTest {

    @Autowired
    JavaMailSender sender;

    private int port;

    /** A port nothing listens on (the test mail port may be taken by a GreenMail of another build). */
    @BeforeEach
    void pointMailAtAClosedPort() throws Exception {
        JavaMailSenderImpl mail = (JavaMailSenderImpl) sender;
        port = mail.getPort();
        try (ServerSocket free = new ServerSocket(0)) {
            mail.setPort(free.getLocalPort());
        }
    }

    @AfterEach
    void restoreMailPort() {
        ((JavaMailSenderImpl) sender).setPort(port);
    }

    @Test
    void aMailThatCannotBeSentLogsOneWarningLine(CapturedOutput output) {
        String body = """
                {"categories":["MR04"],"villageCode":"141029100001","occurredAt":"2026-11-20T08:00:00Z",
                 "narrative":"学生身上多处淤青，自述在家被打",
                 "child":{"name":"%s","sex":"MALE","villageCode":"141029100001"},
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(TestIds.uniqueName());
        assertThat(mvc.post().uri("/api/v1/reports").header("Authorization", basic("school1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).hasStatus(201);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().contains("Mail not sent by ReportAlerts.on"));
        String line = output.getOut().lines().filter(l -> l.contains("Mail not sent by ReportAlerts.on")).findFirst()
                .orElseThrow();
        assertThat(line).contains("WARN").contains("retried later");
        assertThat(output.getOut()).doesNotContain("SimpleAsyncUncaughtExceptionHandler")
                .doesNotContain("\tat org.springframework.mail");
    }
}
