package cn.childprotect.cms.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.notifications.OutboxRecovery;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox survives a crash: a publication that a dead instance left PUBLISHED or PROCESSING
 * (the registry rows are set to that state, as {@code kill -9} leaves them) is published again
 * by {@link OutboxRecovery}, and each alert mail arrives once; a publication still in flight on a
 * live instance, and a completed one, are left alone.
 */
class OutboxRecoveryTests extends IntegrationTest {

    @Autowired
    OutboxRecovery recovery;

    @Autowired
    JdbcTemplate jdbc;

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    /** Files an MR01 report (alerts the township and county supervisors) and waits for its two mails. */
    private Filed fileAlertingReport() {
        var result = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["MR01"],"urgent":true,"villageCode":"141029100001",
                         "narrative":"recovery test %s","child":{"name":"%s"},"reporter":{"anonymous":true}}"""
                        .formatted(java.util.UUID.randomUUID(), TestIds.uniqueName())).exchange();
        assertThat(result).hasStatus(201);
        Filed filed = new Filed(((Number) read(result, "$.reportId")).longValue(), read(result, "$.receiptNumber"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(filed.receipt()).size() == 2
                && incompleteAbout(filed.receipt()) == 0);
        return filed;
    }

    record Filed(long reportId, String receipt) {
    }

    /** Puts the report's alert publication back into the state a process killed at that moment leaves. */
    private void abandon(Filed filed, String status, Duration ago) {
        int rows = jdbc.update("update EVENT_PUBLICATION set status = ?, completion_date = null, publication_date = ?, "
                + "last_resubmission_date = null where serialized_event like ? and listener_id like ?", status,
                Timestamp.from(Instant.now().minus(ago)), "%\"" + filed.receipt() + "\"%", "%ReportAlerts%");
        assertThat(rows).isEqualTo(1);
    }

    private void forgetMailTo(Filed filed, String recipient) {
        jdbc.update("delete from notifications_mail_log where message_key = ? and recipient = ?",
                "report-alert:" + filed.reportId(), recipient);
    }

    private String statusOf(Filed filed) {
        return jdbc.queryForObject("select status from EVENT_PUBLICATION where serialized_event like ? and listener_id like ?",
                String.class, "%\"" + filed.receipt() + "\"%", "%ReportAlerts%");
    }

    private int incompleteAbout(String receipt) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where completion_date is null "
                + "and serialized_event like ?", Integer.class, "%\"" + receipt + "\"%");
    }

    private List<String> mailsAbout(String receipt) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).contains(receipt))
                .map(OutboxRecoveryTests::recipient).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (MessagingException e) {
            return "";
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAlertLeftProcessingByADeadInstanceIsPublishedAgainAndEachMailArrivesOnce() throws Exception {
        Filed filed = fileAlertingReport();
        // the instance died while mailing: the township supervisor had the mail, the county not yet
        abandon(filed, "PROCESSING", Duration.ofMinutes(10));
        forgetMailTo(filed, "county1@demo.local");
        greenMail.purgeEmailFromAllMailboxes();

        recovery.recoverAbandoned();

        await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAbout(filed.receipt()) == 0);
        assertThat(mailsAbout(filed.receipt())).containsExactly("county1@demo.local");
        assertThat(statusOf(filed)).isEqualTo("COMPLETED");

        // a completed publication is never redone
        recovery.recoverAbandoned();
        assertThat(statusOf(filed)).isEqualTo("COMPLETED");
        assertThat(mailsAbout(filed.receipt())).containsExactly("county1@demo.local");
    }

    @Test
    void anAlertPublishedButNeverStartedIsPublishedAgainWithItsMails() throws Exception {
        Filed filed = fileAlertingReport();
        // the instance died between the commit and the listener's start: nothing was mailed
        abandon(filed, "PUBLISHED", Duration.ofMinutes(5));
        forgetMailTo(filed, "supervisor1@demo.local");
        forgetMailTo(filed, "county1@demo.local");
        greenMail.purgeEmailFromAllMailboxes();

        recovery.recoverAbandoned();

        await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAbout(filed.receipt()) == 0);
        assertThat(mailsAbout(filed.receipt())).containsExactlyInAnyOrder("supervisor1@demo.local", "county1@demo.local");
    }

    @Test
    void anAlertStillInFlightOnALiveInstanceIsLeftAlone() throws Exception {
        Filed filed = fileAlertingReport();
        // younger than the staleness thresholds: a live instance may be working on it right now
        abandon(filed, "PROCESSING", Duration.ofSeconds(20));
        forgetMailTo(filed, "county1@demo.local");
        greenMail.purgeEmailFromAllMailboxes();

        recovery.recoverAbandoned();

        assertThat(statusOf(filed)).isEqualTo("PROCESSING");
        assertThat(mailsAbout(filed.receipt())).isEmpty();
        // once it is older than the threshold it counts as abandoned
        abandon(filed, "PROCESSING", Duration.ofMinutes(4));
        recovery.recoverAbandoned();
        await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAbout(filed.receipt()) == 0);
        assertThat(mailsAbout(filed.receipt())).containsExactly("county1@demo.local");
    }

    @Test
    void twoInstancesRecoveringAtTheSameTimeSendEachMailOnce() throws Exception {
        Filed filed = fileAlertingReport();
        abandon(filed, "PROCESSING", Duration.ofMinutes(10));
        forgetMailTo(filed, "supervisor1@demo.local");
        forgetMailTo(filed, "county1@demo.local");
        greenMail.purgeEmailFromAllMailboxes();

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recovery.recoverAbandoned();
        })).toList();
        start.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> incompleteAbout(filed.receipt()) == 0);
        recovery.recoverAbandoned();
        assertThat(mailsAbout(filed.receipt())).containsExactlyInAnyOrder("supervisor1@demo.local", "county1@demo.local");
    }

    @Test
    void aReportFiledNowIsNotTouchedByRecovery() throws Exception {
        Filed filed = fileAlertingReport();
        greenMail.purgeEmailFromAllMailboxes();
        recovery.recoverAbandoned();
        assertThat(statusOf(filed)).isEqualTo("COMPLETED");
        assertThat(mailsAbout(filed.receipt())).isEmpty();
    }
}
