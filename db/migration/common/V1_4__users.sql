CREATE TABLE users_account (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    username          VARCHAR(50)  NOT NULL,
    password_hash     VARCHAR(100) NOT NULL,
    display_name      VARCHAR(100) NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    jurisdiction_code CHAR(12)     NOT NULL,
    institution_type  VARCHAR(30),
    institution_name  VARCHAR(100),
    agency_code       VARCHAR(40),
    email             VARCHAR(200),
    enabled           BOOLEAN      NOT NULL,
    failed_logins     INT          NOT NULL,
    locked_until      DATETIME(6),
    created_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX users_account_username ON users_account (username);
CREATE INDEX users_account_role_jurisdiction ON users_account (role, jurisdiction_code);
