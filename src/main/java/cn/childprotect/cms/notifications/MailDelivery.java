package cn.childprotect.cms.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;

import javax.sql.DataSource;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.TransientDatabaseFailures;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one mail at most once per (message key, recipient). The log row is written after a
 * successful send; when a resubmitted publication runs again, recipients already served are
 * skipped. A failure throws, so the publication stays incomplete and is retried. Each log row
 * commits right after its mail, on a connection of its own, and the mail listeners run outside a
 * transaction ({@code Propagation.NOT_SUPPORTED}), so a listener holds no database connection
 * while it talks to the mail server. Every copy of one message to one recipient carries the same
 * Message-ID.
 */
@Component
class MailDelivery {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender sender;
    private final DataSource dataSource;
    private final BusinessTime time;
    private final String from;

    MailDelivery(JavaMailSender sender, DataSource dataSource, BusinessTime time, NotificationProperties settings) {
        this.sender = sender;
        this.dataSource = dataSource;
        this.time = time;
        this.from = settings.mailFrom();
    }

    void send(String messageKey, String to, String subject, String body) {
        if (to == null || to.isBlank()
                || TransientDatabaseFailures.retryOnce("reading the mail log", () -> alreadySent(messageKey, to))) {
            return;
        }
        sender.send(message(messageIdOf(messageKey, to), to, subject, body));
        // The listeners run without a transaction, so this row commits at once: a resubmission after
        // this point (a crash, a failure at the next recipient) skips the mail. Retried if the database
        // blinks just now. Only a crash between the server's acceptance and this row can send a mail
        // twice; both copies then carry the same Message-ID, so mail clients can show it once.
        TransientDatabaseFailures.retry("logging a sent mail", 4, () -> log(messageKey, to, subject));
    }

    private MimeMessage message(String messageId, String to, String subject, String body) {
        try {
            MimeMessage mail = new MimeMessage((Session) null) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            // what MimeMessageHelper does for a plain UTF-8 text mail, without it: its constructor
            // parsed a mime.types file for every mail (a third of the alert listener's CPU)
            mail.setFrom(oneAddress(from));
            mail.setRecipient(Message.RecipientType.TO, oneAddress(to));
            mail.setSubject(subject, UTF_8);
            mail.setText(body, UTF_8);
            return mail;
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
    }

    private static InternetAddress oneAddress(String address) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(address);
        if (parsed.length != 1) {
            throw new AddressException("Illegal address", address);
        }
        return parsed[0];
    }

    /** The same for every attempt to send one message to one recipient. */
    static String messageIdOf(String messageKey, String to) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((messageKey + "\n" + to).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + "@cms.childprotect>";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /*
     * The log is read and written on connections of its own, returned at once: not on one bound
     * to the listener's thread, which a killed connection would leave dead for every retry.
     */
    private boolean log(String messageKey, String to, String subject) {
        String sql = "insert into notifications_mail_log (message_key, recipient, subject, sent_at) values (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, messageKey);
            insert.setString(2, to);
            insert.setString(3, subject.length() > 200 ? subject.substring(0, 200) : subject);
            insert.setTimestamp(4, Timestamp.from(time.now()));
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return true;
        }
        catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // a concurrent resubmission sent it too; nothing more to do
            }
            throw new UncategorizedSQLException("logging a sent mail", sql, e);
        }
    }

    private boolean alreadySent(String messageKey, String to) {
        String sql = "select count(*) from notifications_mail_log where message_key = ? and recipient = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, messageKey);
            query.setString(2, to);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
        catch (SQLException e) {
            throw new UncategorizedSQLException("reading the mail log", sql, e);
        }
    }
}
