-- The division-code tree: 12 digits, county (6) + township (3) + village (3).
CREATE TABLE jurisdictions_division (
    code        CHAR(12)     NOT NULL,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    parent_code CHAR(12),
    PRIMARY KEY (code)
);
CREATE INDEX jurisdictions_division_parent ON jurisdictions_division (parent_code);
