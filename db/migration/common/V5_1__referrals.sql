-- Work orders to agencies (DOMAIN.md §5). due_at is the current step's deadline (sign-by or respond-by).
CREATE TABLE referrals_work_order (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    case_id            BIGINT        NOT NULL,
    case_number        VARCHAR(40)   NOT NULL,
    village_code       CHAR(12)      NOT NULL,
    agency_code        VARCHAR(40)   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    request_text       VARCHAR(4000) NOT NULL,
    shared_summary     VARCHAR(4000) NOT NULL,
    dispatched_by      VARCHAR(50)   NOT NULL,
    dispatched_at      DATETIME(6)   NOT NULL,
    requested_deadline DATETIME(6),
    sign_by            DATETIME(6)   NOT NULL,
    signed_at          DATETIME(6),
    respond_by         DATETIME(6),
    responded_at       DATETIME(6),
    response_text      VARCHAR(4000),
    closed_at          DATETIME(6),
    due_at             DATETIME(6),
    urge_count         INT           NOT NULL,
    version            BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX referrals_work_order_case ON referrals_work_order (case_id, status);
CREATE INDEX referrals_work_order_agency ON referrals_work_order (agency_code, status, due_at);
CREATE INDEX referrals_work_order_due ON referrals_work_order (status, due_at);

CREATE TABLE referrals_work_order_step (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id BIGINT        NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(50)   NOT NULL,
    action        VARCHAR(20)   NOT NULL,
    note          VARCHAR(4000),
    PRIMARY KEY (id),
    CONSTRAINT referrals_step_order FOREIGN KEY (work_order_id) REFERENCES referrals_work_order (id)
);
CREATE INDEX referrals_work_order_step_order ON referrals_work_order_step (work_order_id, id);
