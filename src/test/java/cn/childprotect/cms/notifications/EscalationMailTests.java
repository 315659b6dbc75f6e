package cn.childprotect.cms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.escalations.events.EscalationsRaised;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.FaultInjection;
import cn.childprotect.cms.support.IntegrationTest;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** A new escalation mails the supervisors of its level; the daily digest lists what is open. */
@Import(FaultInjection.class)
class EscalationMailTests extends IntegrationTest {

    @Autowired
    FaultInjection database;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    EscalationMails escalationMails;

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        database.reset();
        greenMail.stop();
    }

    private List<MimeMessage> mailsTo(String to, String subjectPart) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)
                        && m.getSubject().contains(subjectPart);
            }
            catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void anEmergencyMailsTheTownshipSupervisorOnceWithTheCaseNumberOnly() throws Exception {
        var ref = fixtures.openInVillage1();
        assertThat(fire("supervisor1", ref.id(), "DECLARE_EMERGENCY", null)).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("supervisor1@demo.local", ref.caseNumber()).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo("supervisor1@demo.local", ref.caseNumber()).size() == 1);
        List<MimeMessage> mails = mailsTo("supervisor1@demo.local", ref.caseNumber());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("启动应急处置");
        // a township item goes to the township, not to the other township's supervisor
        assertThat(mailsTo("supervisor2@demo.local", ref.caseNumber())).isEmpty();
    }

    @Test
    void theDailyDigestListsOpenItemsForEachSupervisor() {
        var ref = fixtures.openInVillage1();
        fire("supervisor1", ref.id(), "DECLARE_EMERGENCY", null);
        escalationMails.publishDailyDigests();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo("supervisor1@demo.local", "每日督办汇总").isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo("county1@demo.local", "每日督办汇总").isEmpty());
    }
    @Test
    void aSweepChunkIsDescribedInTwoReadsAndItsMailsAreNotSentAgain() {
        List<Long> caseIds = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var ref = fixtures.openInVillage1();
            assertThat(fire("supervisor1", ref.id(), "DECLARE_EMERGENCY", null)).hasStatusOk();
            caseIds.add(ref.id());
        }
        String in = String.join(", ", java.util.Collections.nCopies(caseIds.size(), "?"));
        List<Long> items = jdbc.queryForList("select id from escalations_item where case_id in (" + in + ")", Long.class,
                caseIds.toArray());
        assertThat(items).hasSize(6);
        // each item's own event mails it first (township supervisor1)
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("supervisor1@demo.local", "启动应急处置").size() >= 6);
        int mailsBefore = greenMail.getReceivedMessages().length;

        // the same items again, as one chunk of the sweep: a resubmission sends nothing more
        database.recordStatements();
        // on the target, not the proxy: the listener is @Async, and its statements are recorded on this thread
        EscalationMails listener = org.springframework.test.util.AopTestUtils.getTargetObject(escalationMails);
        listener.on(new EscalationsRaised(items));
        List<String> statements = database.recordedStatements();
        database.reset();

        List<String> besidesTheMailLog = statements.stream().filter(sql -> !sql.contains("notifications_mail_log")).toList();
        // the items, their case numbers, the township's supervisors once (before: two reads per item
        // and the supervisors per item, 18 here)
        assertThat(besidesTheMailLog).as(String.join("\n", besidesTheMailLog)).hasSizeLessThanOrEqualTo(4)
                .anyMatch(sql -> sql.contains("escalations_item"));
        assertThat(statements).filteredOn(sql -> sql.contains("notifications_mail_log")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(greenMail.getReceivedMessages()).hasSize(mailsBefore);
    }
}
