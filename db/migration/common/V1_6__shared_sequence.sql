-- Named counters for human-readable numbers (case numbers, receipt numbers).
CREATE TABLE shared_sequence (
    name       VARCHAR(60) NOT NULL,
    next_value BIGINT      NOT NULL,
    PRIMARY KEY (name)
);
