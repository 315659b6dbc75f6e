package cn.childprotect.cms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Alert mails go out through the outbox: once each, and later when the mail server was down. */
class ReportAlertMailTests extends IntegrationTest {

    @Autowired
    OutboxRetry outboxRetry;

    @Autowired
    JdbcTemplate jdbc;

    private GreenMail greenMail;

    @AfterEach
    void stopMailServer() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private String fileMr01Report(String childName) {
        var result = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["MR01"],"urgent":true,"villageCode":"141029100001",
                         "narrative":"来电反映疑似性侵","child":{"name":"%s"},"reporter":{"anonymous":true}}"""
                        .formatted(childName)).exchange();
        assertThat(result).hasStatus(201);
        return read(result, "$.receiptNumber");
    }

    private List<MimeMessage> mailsAbout(String receipt) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(receipt);
            }
            catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static List<String> recipients(List<MimeMessage> mails) {
        return mails.stream().map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            }
            catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anMr01ReportMailsTheTownshipAndCountySupervisorsOnceWithoutTheChildsName() throws Exception {
        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
        String childName = TestIds.uniqueName();
        String receipt = fileMr01Report(childName);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(receipt).size() >= 2);
        outboxRetry.resubmitDue(); // nothing failed: nothing is sent again
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(receipt).size() == 2);
        List<MimeMessage> mails = mailsAbout(receipt);
        assertThat(recipients(mails)).containsExactlyInAnyOrder("supervisor1@demo.local", "county1@demo.local");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).doesNotContain(childName);
            assertThat(mail.getContent().toString()).contains("报告回执号", receipt).doesNotContain(childName);
        }
    }

    @Test
    void whenTheMailServerIsDownTheMailIsSentAfterItComesBack() {
        String receipt = fileMr01Report(TestIds.uniqueName());
        // the listener fails without a server; its publication stays incomplete and is marked failed
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where status = 'FAILED' and serialized_event like ?",
                Integer.class, "%" + receipt + "%") > 0);

        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
        outboxRetry.resubmitDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(receipt).size() >= 2);
        assertThat(recipients(mailsAbout(receipt))).containsExactlyInAnyOrder("supervisor1@demo.local",
                "county1@demo.local");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where completion_date is null and serialized_event like ?",
                Integer.class, "%" + receipt + "%") == 0);
    }

    @Test
    void aNonUrgentReportOfAnOrdinaryCategorySendsNothing() throws Exception {
        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
        var result = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"%s",
                         "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(UUID.randomUUID(),
                        TestIds.uniqueName())).exchange();
        String receipt = read(result, "$.receiptNumber");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(receipt).isEmpty());
    }
}
