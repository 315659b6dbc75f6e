-- Every mail sent, once per (message, recipient): a resubmitted outbox publication skips those.
CREATE TABLE notifications_mail_log (
    message_key VARCHAR(100) NOT NULL,
    recipient   VARCHAR(200) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    sent_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (message_key, recipient)
);
