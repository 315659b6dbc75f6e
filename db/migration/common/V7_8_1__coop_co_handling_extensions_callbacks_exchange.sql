-- coop (issue 16): lead and co-handling agencies, extension requests, callbacks, the 12345 exchange.

-- A co-handling part (协办) is a work order of its own, pointing at the lead order (主办).
ALTER TABLE referrals_work_order ADD COLUMN lead_order_id BIGINT;
ALTER TABLE referrals_work_order ADD COLUMN extension_count INT NOT NULL DEFAULT 0;
ALTER TABLE referrals_work_order ADD COLUMN redo_count INT NOT NULL DEFAULT 0;
CREATE INDEX referrals_work_order_lead ON referrals_work_order (lead_order_id);
CREATE INDEX referrals_work_order_closed ON referrals_work_order (status, closed_at);

-- 延期申请: the original deadline stays on the request row.
CREATE TABLE referrals_extension_request (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id    BIGINT        NOT NULL,
    requested_by     VARCHAR(50)   NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    reason           VARCHAR(4000) NOT NULL,
    original_due_at  DATETIME(6)   NOT NULL,
    requested_due_at DATETIME(6)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    decided_by       VARCHAR(50),
    decided_at       DATETIME(6),
    granted_due_at   DATETIME(6),
    decision_note    VARCHAR(4000),
    PRIMARY KEY (id),
    CONSTRAINT referrals_extension_order FOREIGN KEY (work_order_id) REFERENCES referrals_work_order (id)
);
CREATE INDEX referrals_extension_order_idx ON referrals_extension_request (work_order_id, status);

-- 回访
CREATE TABLE referrals_callback (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id BIGINT        NOT NULL,
    recorded_by   VARCHAR(50)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    reached       BOOLEAN       NOT NULL,
    satisfaction  VARCHAR(24),
    comment_text  VARCHAR(4000),
    PRIMARY KEY (id),
    CONSTRAINT referrals_callback_order FOREIGN KEY (work_order_id) REFERENCES referrals_work_order (id)
);
CREATE INDEX referrals_callback_order_idx ON referrals_callback (work_order_id);

-- 12345 tickets: one report per ticket number (a re-sent ticket gets the first receipt).
CREATE TABLE exchange_ticket (
    ticket_number  VARCHAR(64)  NOT NULL,
    report_id      BIGINT       NOT NULL,
    receipt_number VARCHAR(40)  NOT NULL,
    case_id        BIGINT,
    received_at    DATETIME(6)  NOT NULL,
    filed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (ticket_number)
);
CREATE INDEX exchange_ticket_case ON exchange_ticket (case_id);

-- Status feedback delivered to the platform, by event id: a resubmitted publication skips it.
CREATE TABLE exchange_feedback_sent (
    event_id      VARCHAR(40)  NOT NULL,
    ticket_number VARCHAR(64)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    sent_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id)
);
