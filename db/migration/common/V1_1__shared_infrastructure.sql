-- Framework tables shared by every module: browser sessions (Spring Session JDBC, so any
-- instance can serve any request) and scheduler locks (ShedLock, so a sweep runs once across
-- instances). Spring Session's table names are upper case: it writes them so, and MySQL
-- table names are case-sensitive on Linux. The event publication registry differs per vendor: see ../{vendor}/.

CREATE TABLE SPRING_SESSION (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON SPRING_SESSION (session_id);
CREATE INDEX spring_session_ix2 ON SPRING_SESSION (expiry_time);
CREATE INDEX spring_session_ix3 ON SPRING_SESSION (principal_name);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BLOB         NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES SPRING_SESSION (primary_id) ON DELETE CASCADE
);

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
