-- Children and guardians. ID and phone numbers: AES-GCM cipher text plus an HMAC for exact look-up.
CREATE TABLE people_child (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    name             VARCHAR(50),
    sex              VARCHAR(10)   NOT NULL,
    birth_date       DATE,
    estimated_age    INT,
    identity_unknown BOOLEAN       NOT NULL,
    description      VARCHAR(1000),
    village_code     CHAR(12)      NOT NULL,
    address          VARCHAR(200),
    school           VARCHAR(100),
    id_number_cipher VARCHAR(200),
    id_number_hash   CHAR(64),
    id_number_masked VARCHAR(20),
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX people_child_id_hash ON people_child (id_number_hash);
CREATE INDEX people_child_village_name ON people_child (village_code, name);
CREATE INDEX people_child_name ON people_child (name);

CREATE TABLE people_guardian (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    child_id     BIGINT       NOT NULL,
    name         VARCHAR(50)  NOT NULL,
    relation     VARCHAR(30),
    phone_cipher VARCHAR(200),
    phone_hash   CHAR(64),
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT people_guardian_child FOREIGN KEY (child_id) REFERENCES people_child (id)
);
CREATE INDEX people_guardian_child ON people_guardian (child_id);
CREATE INDEX people_guardian_phone_hash ON people_guardian (phone_hash);
