-- Spring Modulith's event publication registry (the transactional outbox), v2 layout. Upper case:
-- Modulith writes the name so, and MySQL table names are case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_completion_date_idx ON EVENT_PUBLICATION (completion_date);
