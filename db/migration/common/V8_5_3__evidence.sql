-- Evidence attachments of reports and cases (docs/domain.md §3.4). The file's bytes are encrypted
-- (AES-GCM, key from CMS_PII_KEY) and kept in chunks of at most 1 MiB, so that no statement exceeds
-- the server's packet limit; file names are encrypted too. content_fingerprint is a keyed hash of the
-- file: the same file uploaded again to the same report or case is the same attachment (idempotent).
CREATE TABLE evidence_attachment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    owner_type          VARCHAR(10)   NOT NULL,
    owner_id            BIGINT        NOT NULL,
    case_id             BIGINT,
    village_code        CHAR(12)      NOT NULL,
    file_name_cipher    VARCHAR(600),
    media_type          VARCHAR(100)  NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    content_fingerprint CHAR(64)      NOT NULL,
    storage_key         VARCHAR(100)  NOT NULL,
    uploaded_by         VARCHAR(50)   NOT NULL,
    uploaded_at         DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX evidence_attachment_once ON evidence_attachment (owner_type, owner_id, content_fingerprint);
CREATE INDEX evidence_attachment_case ON evidence_attachment (case_id);

CREATE TABLE evidence_chunk (
    storage_key VARCHAR(100)  NOT NULL,
    seq         INT           NOT NULL,
    bytes       MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (storage_key, seq)
);

-- An attachment an agency may see: shared with one of its work orders by someone who works the case.
CREATE TABLE evidence_share (
    attachment_id BIGINT      NOT NULL,
    work_order_id BIGINT      NOT NULL,
    shared_by     VARCHAR(50) NOT NULL,
    shared_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (attachment_id, work_order_id),
    CONSTRAINT evidence_share_attachment FOREIGN KEY (attachment_id) REFERENCES evidence_attachment (id)
);
CREATE INDEX evidence_share_order ON evidence_share (work_order_id);
