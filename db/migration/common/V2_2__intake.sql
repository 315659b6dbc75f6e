-- Reports (DOMAIN.md §3). One row per report; the receipt number is unique and human-readable.
CREATE TABLE intake_report (
    id                        BIGINT        NOT NULL AUTO_INCREMENT,
    receipt_number            VARCHAR(30)   NOT NULL,
    channel                   VARCHAR(20)   NOT NULL,
    urgent                    BOOLEAN       NOT NULL,
    occurred_at               DATETIME(6),
    received_at               DATETIME(6)   NOT NULL,
    village_code              CHAR(12)      NOT NULL,
    narrative                 VARCHAR(10000) NOT NULL,
    child_id                  BIGINT        NOT NULL,
    case_id                   BIGINT,
    linked_to_existing        BOOLEAN       NOT NULL,
    pregnancy_flag            BOOLEAN       NOT NULL,
    reporter_anonymous        BOOLEAN       NOT NULL,
    reporter_name             VARCHAR(50),
    reporter_phone_cipher     VARCHAR(200),
    reporter_institution_type VARCHAR(30),
    reporter_institution_name VARCHAR(100),
    submitted_by              VARCHAR(50)   NOT NULL,
    submitted_role            VARCHAR(20)   NOT NULL,
    police_notified_at        DATETIME(6),
    police_station            VARCHAR(100),
    police_receipt_number     VARCHAR(50),
    police_deadline           DATETIME(6),
    version                   BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX intake_report_receipt ON intake_report (receipt_number);
CREATE INDEX intake_report_submitter ON intake_report (submitted_by, received_at);
CREATE INDEX intake_report_village ON intake_report (village_code, received_at);
CREATE INDEX intake_report_case ON intake_report (case_id);
CREATE INDEX intake_report_police_deadline ON intake_report (police_deadline);

CREATE TABLE intake_report_category (
    report_id BIGINT      NOT NULL,
    category  VARCHAR(10) NOT NULL,
    PRIMARY KEY (report_id, category),
    CONSTRAINT intake_report_category_report FOREIGN KEY (report_id) REFERENCES intake_report (id)
);

-- An Idempotency-Key is claimed by inserting this row first, in the report's own transaction:
-- of concurrent requests with one key exactly one insert succeeds; the others read its result.
CREATE TABLE intake_idempotency (
    account      VARCHAR(50)  NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    report_id    BIGINT,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (account, idem_key)
);
