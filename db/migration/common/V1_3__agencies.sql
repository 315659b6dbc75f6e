-- Partner agencies that receive work orders ("协同办理"), DOMAIN.md §5.
CREATE TABLE agencies_agency (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    code               VARCHAR(40)  NOT NULL,
    type               VARCHAR(30)  NOT NULL,
    name               VARCHAR(100) NOT NULL,
    jurisdiction_code  CHAR(12)     NOT NULL,
    notification_email VARCHAR(200),
    active             BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX agencies_agency_code ON agencies_agency (code);
CREATE INDEX agencies_agency_jurisdiction ON agencies_agency (jurisdiction_code);
