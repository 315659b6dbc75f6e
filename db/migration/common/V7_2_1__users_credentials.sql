-- credentials (issue 18 items 4 and 5): token revocation, machine accounts with API keys,
-- login throttling per account and client address.

-- Raised on every change that must end the account's bearer tokens (disabled, re-roled,
-- moved, password reset); a token carries the stamp it was issued under.
ALTER TABLE users_account ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
-- A machine account (school portal, the 12345 exchange) has no usable password, only API keys.
ALTER TABLE users_account ADD COLUMN machine BOOLEAN NOT NULL DEFAULT FALSE;

-- Only the SHA-256 of a key is kept; the key itself is shown once, at creation.
CREATE TABLE users_api_key (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    username    VARCHAR(50)  NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    key_hash    CHAR(64)     NOT NULL,
    label       VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(50)  NOT NULL,
    revoked_at  DATETIME(6),
    revoked_by  VARCHAR(50),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX users_api_key_hash ON users_api_key (key_hash);
CREATE INDEX users_api_key_username ON users_api_key (username);

-- Failed logins per client address and per (account, client address), in a time window;
-- shared by every instance. The key is 'a|<address>' or 'u|<username>|<address>'.
CREATE TABLE users_login_throttle (
    throttle_key      VARCHAR(200) NOT NULL,
    failures          INT          NOT NULL,
    window_started_at DATETIME(6)  NOT NULL,
    blocked_until     DATETIME(6),
    PRIMARY KEY (throttle_key)
);
