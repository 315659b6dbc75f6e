package cn.childprotect.cms.notifications;

import java.sql.Timestamp;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.TransientDatabaseFailures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one mail at most once per (message key, recipient). The log row is written after a
 * successful send; when a resubmitted publication runs again, recipients already served are
 * skipped. A failure throws, so the publication stays incomplete and is retried. The mail
 * listeners run outside a transaction ({@code Propagation.NOT_SUPPORTED}): each log row commits
 * right after its mail, and a listener holds no database connection while it talks to the
 * mail server.
 */
@Component
class MailDelivery {

    private final JavaMailSender sender;
    private final JdbcTemplate jdbc;
    private final BusinessTime time;
    private final String from;

    MailDelivery(JavaMailSender sender, JdbcTemplate jdbc, BusinessTime time, @Value("${cms.mail-from}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.time = time;
        this.from = from;
    }

    void send(String messageKey, String to, String subject, String body) {
        if (to == null || to.isBlank() || alreadySent(messageKey, to)) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        sender.send(mail);
        // The listeners run without a transaction, so this row commits at once: a resubmission after
        // this point (a crash, a failure at the next recipient) skips the mail. Retried once if the
        // database blinks just now; only a failure in this instant can send a mail twice.
        TransientDatabaseFailures.retryOnce("logging a sent mail", () -> log(messageKey, to, subject));
    }

    private boolean log(String messageKey, String to, String subject) {
        try {
            jdbc.update("insert into notifications_mail_log (message_key, recipient, subject, sent_at) values (?, ?, ?, ?)",
                    messageKey, to, subject.length() > 200 ? subject.substring(0, 200) : subject,
                    Timestamp.from(time.now()));
            return true;
        }
        catch (DuplicateKeyException alreadyLogged) {
            // a concurrent resubmission sent it too; nothing more to do
            return false;
        }
    }

    private boolean alreadySent(String messageKey, String to) {
        Integer n = jdbc.queryForObject("select count(*) from notifications_mail_log where message_key = ? and recipient = ?",
                Integer.class, messageKey, to);
        return n != null && n > 0;
    }
}
