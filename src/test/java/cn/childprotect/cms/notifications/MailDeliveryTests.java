package cn.childprotect.cms.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail log is read before each recipient's mail and a row written right after it. A failure
 * at a later recipient must leave the mails sent before it logged, so that the retry sends only
 * the rest; a message fully sent is never sent again; and a resubmission running beside a slow
 * first attempt must not send what the other has sent meanwhile.
 */
class MailDeliveryTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    BusinessTime time;

    @Autowired
    NotificationProperties settings;

    @Autowired
    JdbcTemplate jdbc;

    /** Records what it sends; refuses a recipient while told to. */
    static final class RecordingSender extends JavaMailSenderImpl {

        final List<String> sentTo = new ArrayList<>();
        String refused;
        Runnable whileSending = () -> { };

        @Override
        public void send(MimeMessage message) {
            try {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                if (to.equals(refused)) {
                    throw new MailSendException("refused: " + to);
                }
                sentTo.add(to);
                Runnable once = whileSending;
                whileSending = () -> { };
                once.run();
            }
            catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aFailureAtTheSecondRecipientLogsTheFirstAndTheRetrySendsOnlyTheRest() {
        String key = "test-delivery:" + UUID.randomUUID();
        List<MailDelivery.Letter> letters = List.of(new MailDelivery.Letter("first@example.cn", "主题", "正文一"),
                new MailDelivery.Letter("second@example.cn", "主题", "正文二"),
                new MailDelivery.Letter(" ", "主题", "没有地址的人"));
        RecordingSender sender = new RecordingSender();
        sender.refused = "second@example.cn";
        MailDelivery delivery = new MailDelivery(sender, dataSource, time, settings);

        assertThatThrownBy(() -> delivery.send(key, letters)).isInstanceOf(MailSendException.class);
        assertThat(sender.sentTo).containsExactly("first@example.cn");
        assertThat(logged(key)).containsExactly("first@example.cn");

        sender.refused = null;
        delivery.send(key, letters);
        assertThat(sender.sentTo).containsExactly("first@example.cn", "second@example.cn");
        assertThat(logged(key)).containsExactlyInAnyOrder("first@example.cn", "second@example.cn");

        delivery.send(key, letters); // a resubmission of a message sent in full sends nothing
        assertThat(sender.sentTo).hasSize(2);
    }

    @Test
    void aResubmissionBesideASlowFirstAttemptDoesNotRepeatWhatTheOtherHasSentSinceItBegan() {
        String key = "test-delivery:" + UUID.randomUUID();
        List<MailDelivery.Letter> letters = List.of(new MailDelivery.Letter("first@example.cn", "主题", "正文一"),
                new MailDelivery.Letter("second@example.cn", "主题", "正文二"));
        RecordingSender slow = new RecordingSender();
        RecordingSender resubmission = new RecordingSender();
        MailDelivery first = new MailDelivery(slow, dataSource, time, settings);
        // while the first attempt's mail to "first" is under way (not logged yet), the outbox
        // republishes the message and that attempt runs through to the end
        slow.whileSending = () -> new MailDelivery(resubmission, dataSource, time, settings).send(key, letters);

        first.send(key, letters);

        assertThat(resubmission.sentTo).containsExactly("first@example.cn", "second@example.cn");
        // the copy of "first" both sent is the crash-window repeat (same Message-ID); "second" is not repeated
        assertThat(slow.sentTo).containsExactly("first@example.cn");
        assertThat(logged(key)).containsExactlyInAnyOrder("first@example.cn", "second@example.cn");
    }

    private List<String> logged(String key) {
        return jdbc.queryForList("select recipient from notifications_mail_log where message_key = ?", String.class, key);
    }
}
