-- Key-period sweeps (重点时段排查, docs/domain.md §6.2): a campaign gives every registered child in
-- its scope one visit due by its end date. overdue_at (the start of the day after the end date) is
-- cleared when the visit is made: the sweep reads an index range on it.
CREATE TABLE monitoring_campaign (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100)  NOT NULL,
    scope_code  CHAR(12)      NOT NULL,
    categories  VARCHAR(400),
    starts_on   DATE          NOT NULL,
    ends_on     DATE          NOT NULL,
    created_by  VARCHAR(50)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE monitoring_campaign_visit (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id  BIGINT        NOT NULL,
    entry_id     BIGINT        NOT NULL,
    village_code CHAR(12)      NOT NULL,
    starts_on    DATE          NOT NULL,
    ends_on      DATE          NOT NULL,
    overdue_at   DATETIME(6),
    done_on      DATE,
    visit_id     BIGINT,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT monitoring_campaign_visit_campaign FOREIGN KEY (campaign_id) REFERENCES monitoring_campaign (id)
);
CREATE UNIQUE INDEX monitoring_campaign_visit_once ON monitoring_campaign_visit (campaign_id, entry_id);
CREATE INDEX monitoring_campaign_visit_overdue ON monitoring_campaign_visit (overdue_at);
CREATE INDEX monitoring_campaign_visit_entry ON monitoring_campaign_visit (entry_id, done_on);
CREATE INDEX monitoring_campaign_visit_progress ON monitoring_campaign_visit (campaign_id, village_code);
