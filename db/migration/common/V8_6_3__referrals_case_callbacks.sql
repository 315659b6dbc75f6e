-- Callbacks (回访) after a case is closed (issue 16; docs/domain.md §5): what was recorded, and
-- the closed cases still awaiting one (the operators' work list; a row leaves at the callback or
-- when the case is reopened).
CREATE TABLE referrals_case_callback (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    case_id       BIGINT        NOT NULL,
    recorded_by   VARCHAR(50)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    reached       BOOLEAN       NOT NULL,
    satisfaction  VARCHAR(24),
    comment_text  VARCHAR(4000),
    PRIMARY KEY (id)
);
CREATE INDEX referrals_case_callback_case ON referrals_case_callback (case_id, recorded_at);

CREATE TABLE referrals_case_callback_due (
    case_id      BIGINT       NOT NULL,
    case_number  VARCHAR(40)  NOT NULL,
    village_code CHAR(12)     NOT NULL,
    closed_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (case_id)
);
CREATE INDEX referrals_case_callback_due_list ON referrals_case_callback_due (village_code, closed_at);
