-- Guardianship intervention measures (监护干预, DOMAIN.md §6.1, docs/domain.md "Guardianship
-- intervention"). One row per measure with its per-type fields; next_deadline_at is the stored
-- deadline of its next step (swept by index range), ended says the measure no longer blocks closure.
CREATE TABLE guardianship_measure (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    case_id            BIGINT        NOT NULL,
    case_number        VARCHAR(40)   NOT NULL,
    village_code       CHAR(12)      NOT NULL,
    measure_type       VARCHAR(30)   NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    ended              BOOLEAN       NOT NULL,
    created_by         VARCHAR(50)   NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    applicant          VARCHAR(200),
    body               VARCHAR(200),
    reference_number   VARCHAR(100),
    urgent             BOOLEAN       NOT NULL,
    occurred_at        DATETIME(6),
    decided_at         DATETIME(6),
    valid_from         DATETIME(6),
    valid_until        DATETIME(6),
    ground             VARCHAR(10),
    placement          VARCHAR(30),
    place              VARCHAR(200),
    served_on          VARCHAR(200),
    served_at          DATETIME(6),
    committee_notified VARCHAR(200),
    grounds_text       VARCHAR(4000),
    new_guardian       VARCHAR(200),
    observation_until  DATETIME(6),
    deadline_kind      VARCHAR(30),
    next_deadline_at   DATETIME(6),
    version            BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX guardianship_measure_case ON guardianship_measure (case_id, ended);
CREATE INDEX guardianship_measure_due ON guardianship_measure (next_deadline_at);
CREATE INDEX guardianship_measure_list ON guardianship_measure (village_code, measure_type, status);

CREATE TABLE guardianship_measure_step (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    measure_id  BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(50)   NOT NULL,
    step        VARCHAR(30)   NOT NULL,
    from_status VARCHAR(30),
    to_status   VARCHAR(30)   NOT NULL,
    note        VARCHAR(4000),
    PRIMARY KEY (id),
    CONSTRAINT guardianship_step_measure FOREIGN KEY (measure_id) REFERENCES guardianship_measure (id)
);
CREATE INDEX guardianship_measure_step_measure ON guardianship_measure_step (measure_id, id);
