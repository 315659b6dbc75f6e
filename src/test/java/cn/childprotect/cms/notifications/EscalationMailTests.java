package cn.childprotect.cms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new escalation mails the supervisors of its level; the daily digest lists what is open. */
class EscalationMailTests extends IntegrationTest {

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
}
