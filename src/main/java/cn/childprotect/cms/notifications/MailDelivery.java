package cn.childprotect.cms.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

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
 * Sends one mail at most once per (message key, recipient). The log is read just before each
 * recipient's mail and a row written right after it; when a resubmitted publication runs again,
 * recipients already served are skipped. A failure throws, so the publication stays incomplete and
 * is retried. Each log row commits right after its mail, on a connection of its own, and the mail
 * listeners run outside a transaction ({@code Propagation.NOT_SUPPORTED}), so a listener holds no
 * database connection while it talks to the mail server. Every copy of one message to one recipient carries the same
 * Message-ID.
 */
@Component
class MailDelivery {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail finds its StreamProvider anew for every encoded subject and body: without this
        // property, by a ServiceLoader scan of the whole class path (half of a report alert's CPU, README
        // "Where the CPU goes"); with it, by loading the named class. Angus Mail is the implementation.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

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

    /** One mail to one recipient, unless the log says it was sent already. */
    void send(String messageKey, String to, String subject, String body) {
        send(messageKey, List.of(new Letter(to, subject, body)));
    }

    /** One mail of a message to one recipient. */
    record Letter(String to, String subject, String body) {
    }

    /**
     * The letters of one message, each to its recipient unless the log says it was sent already.
     * The log is read anew before each letter, not once for the message: two attempts may run side
     * by side (the outbox republishes what looks abandoned while a slow first attempt goes on), and
     * each must see the rows the other has written meanwhile. Read once, the attempt that read first
     * sent its later recipients again although the other had served them since (CI's
     * DurabilityTests: 6 repeated copies where a crash alone explains at most 3).
     */
    void send(String messageKey, List<Letter> letters) {
        for (Letter letter : letters) {
            if (letter.to() == null || letter.to().isBlank() || TransientDatabaseFailures.retryOnce("reading the mail log",
                    () -> sentAlready(messageKey).contains(letter.to()))) {
                continue;
            }
            sender.send(message(messageIdOf(messageKey, letter.to()), letter.to(), letter.subject(), letter.body()));
            // The listeners run without a transaction, so this row commits at once, right after its mail
            // (not in one batch after the message's mails: a crash would then repeat every mail of the
            // message, DurabilityTests): a resubmission after this point (a crash, a failure at the next
            // recipient) skips the mail. Retried if the database blinks just now. Only a crash between the
            // server's acceptance and this row can send a mail twice; both copies then carry the same
            // Message-ID, so mail clients can show it once.
            TransientDatabaseFailures.retry("logging a sent mail", 4, () -> log(messageKey, letter));
        }
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
    private boolean log(String messageKey, Letter sent) {
        String sql = "insert into notifications_mail_log (message_key, recipient, subject, sent_at) values (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, messageKey);
            insert.setString(2, sent.to());
            insert.setString(3, sent.subject().length() > 200 ? sent.subject().substring(0, 200) : sent.subject());
            insert.setTimestamp(4, Timestamp.from(time.now()), Calendar.getInstance(UTC)); // UTC, as Hibernate writes
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

    private Set<String> sentAlready(String messageKey) {
        String sql = "select recipient from notifications_mail_log where message_key = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, messageKey);
            // compared as the column does (case-insensitive on MySQL/MariaDB): never a second copy
            Set<String> recipients = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recipients.add(rows.getString(1));
                }
            }
            return recipients;
        }
        catch (SQLException e) {
            throw new UncategorizedSQLException("reading the mail log", sql, e);
        }
    }
}
