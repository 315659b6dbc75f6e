-- The at-risk children register (监测预防, docs/domain.md "The at-risk register"): one entry per
-- child, its review chain, its change history and its visits. categories is a comma-delimited
-- list with a leading and a trailing comma (",LEFT_BEHIND,DISTRESS,") so a filter is one LIKE.
-- visit_overdue_at is the moment the next visit becomes overdue (the start of the day after the
-- due date): the director's list and the escalation sweep read an index range on it.
CREATE TABLE monitoring_entry (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    child_id             BIGINT        NOT NULL,
    village_code         CHAR(12)      NOT NULL,
    categories           VARCHAR(400)  NOT NULL,
    distress_kinds       VARCHAR(200),
    parents_whereabouts  VARCHAR(500),
    caregiver_name       VARCHAR(50),
    caregiver_relation   VARCHAR(20),
    caregiver_phone      VARCHAR(200),
    household            VARCHAR(500),
    school               VARCHAR(100),
    tier                 VARCHAR(10)   NOT NULL,
    status               VARCHAR(30)   NOT NULL,
    created_by           VARCHAR(50)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    return_reason        VARCHAR(1000),
    exit_reason          VARCHAR(40),
    exit_note            VARCHAR(1000),
    confirmed_at         DATETIME(6),
    last_visit_on        DATE,
    visit_due_on         DATE,
    visit_overdue_at     DATETIME(6),
    case_id              BIGINT,
    age_review_on        DATE,
    tier_review_on       DATE,
    review_flags         VARCHAR(100),
    version              BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX monitoring_entry_overdue ON monitoring_entry (visit_overdue_at);
CREATE INDEX monitoring_entry_village ON monitoring_entry (village_code, status, visit_overdue_at);
CREATE INDEX monitoring_entry_child ON monitoring_entry (child_id);
CREATE INDEX monitoring_entry_case ON monitoring_entry (case_id);
-- the daily review job reads these ranges: a birthday that ends a category, a tier due for review
CREATE INDEX monitoring_entry_age_review ON monitoring_entry (age_review_on);
CREATE INDEX monitoring_entry_tier_review ON monitoring_entry (tier_review_on);

-- Every change of an entry, one row per version: who, when, what (field names, never values).
CREATE TABLE monitoring_change (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    entry_id      BIGINT        NOT NULL,
    entry_version BIGINT        NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(50)   NOT NULL,
    action        VARCHAR(30)   NOT NULL,
    from_status   VARCHAR(30),
    to_status     VARCHAR(30)   NOT NULL,
    fields        VARCHAR(500),
    note          VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT monitoring_change_entry FOREIGN KEY (entry_id) REFERENCES monitoring_entry (id)
);
CREATE INDEX monitoring_change_by_entry ON monitoring_change (entry_id, id);

CREATE TABLE monitoring_visit (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    entry_id          BIGINT        NOT NULL,
    visited_on        DATE          NOT NULL,
    kind              VARCHAR(10)   NOT NULL,
    persons_seen      VARCHAR(500),
    living_conditions VARCHAR(500),
    observations      VARCHAR(4000),
    safety            VARCHAR(12)   NOT NULL,
    needs             VARCHAR(2000),
    next_steps        VARCHAR(2000),
    report_id         BIGINT,
    case_id           BIGINT,
    recorded_by       VARCHAR(50)   NOT NULL,
    recorded_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT monitoring_visit_entry FOREIGN KEY (entry_id) REFERENCES monitoring_entry (id)
);
CREATE INDEX monitoring_visit_by_entry ON monitoring_visit (entry_id, visited_on);
