-- Escalations and review items. The unique key makes "one escalation per missed deadline and
-- level, ever" hold across sweeps and instances.
CREATE TABLE escalations_item (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(30)   NOT NULL,
    source_id       BIGINT        NOT NULL,
    source_deadline DATETIME(6)   NOT NULL,
    level           VARCHAR(10)   NOT NULL,
    case_id         BIGINT,
    village_code    CHAR(12)      NOT NULL,
    severity        INT           NOT NULL,
    status          VARCHAR(15)   NOT NULL,
    raised_at       DATETIME(6)   NOT NULL,
    acknowledged_by VARCHAR(50),
    acknowledged_at DATETIME(6),
    resolved_by     VARCHAR(50),
    resolved_at     DATETIME(6),
    resolution_note VARCHAR(1000),
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX escalations_item_once ON escalations_item (kind, source_id, source_deadline, level);
CREATE INDEX escalations_item_queue ON escalations_item (status, village_code, severity);
CREATE INDEX escalations_item_case ON escalations_item (case_id, status);
CREATE INDEX escalations_item_source ON escalations_item (source_id, kind, status);
