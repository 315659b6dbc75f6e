-- Append-only: the application only ever inserts here.
CREATE TABLE audit_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    actor          VARCHAR(50)  NOT NULL,
    action         VARCHAR(60)  NOT NULL,
    target_type    VARCHAR(30),
    target_id      VARCHAR(60),
    outcome        VARCHAR(20)  NOT NULL,
    client_address VARCHAR(64),
    detail         VARCHAR(500),
    PRIMARY KEY (id)
);
CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id, occurred_at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at);
