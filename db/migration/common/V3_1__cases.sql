-- The case file (DOMAIN.md §4). status is the workflow's source of truth; status_deadline is
-- computed on entering a state, so "overdue" is an index range scan.
CREATE TABLE cases_case (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    case_number       VARCHAR(40)  NOT NULL,
    village_code      CHAR(12)     NOT NULL,
    child_id          BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    status_entered_at DATETIME(6)  NOT NULL,
    status_deadline   DATETIME(6),
    urgent            BOOLEAN      NOT NULL,
    risk_level        VARCHAR(10),
    assignee          VARCHAR(50),
    opened_at         DATETIME(6)  NOT NULL,
    closed_at         DATETIME(6),
    outcome_reason    VARCHAR(500),
    merged_into       BIGINT,
    version           BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX cases_case_number ON cases_case (case_number);
CREATE INDEX cases_case_deadline ON cases_case (status_deadline, village_code);
CREATE INDEX cases_case_village_opened ON cases_case (village_code, opened_at);
CREATE INDEX cases_case_assignee ON cases_case (assignee, status);
CREATE INDEX cases_case_child ON cases_case (child_id, status);
CREATE INDEX cases_case_opened ON cases_case (opened_at);

CREATE TABLE cases_case_category (
    case_id  BIGINT      NOT NULL,
    category VARCHAR(10) NOT NULL,
    PRIMARY KEY (case_id, category),
    CONSTRAINT cases_case_category_case FOREIGN KEY (case_id) REFERENCES cases_case (id)
);
CREATE INDEX cases_case_category_by_category ON cases_case_category (category, case_id);

-- Append-only history of a case.
CREATE TABLE cases_timeline (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    case_id     BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(50)   NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    event       VARCHAR(30),
    from_status VARCHAR(20),
    to_status   VARCHAR(20),
    note        VARCHAR(2000),
    reference   VARCHAR(100),
    PRIMARY KEY (id),
    CONSTRAINT cases_timeline_case FOREIGN KEY (case_id) REFERENCES cases_case (id)
);
CREATE INDEX cases_timeline_by_case ON cases_timeline (case_id, id);
