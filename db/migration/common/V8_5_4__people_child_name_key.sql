-- Finding a child by name (docs/domain.md §3.5): every suffix of the name, of its full pinyin and of
-- its initials, for every reading of polyphonic characters, so that a prefix match on the key finds
-- a full name, a part of it, "xiaoming" or "zxm" by an index range.
CREATE TABLE people_child_name_key (
    child_id BIGINT       NOT NULL,
    name_key VARCHAR(120) NOT NULL,
    PRIMARY KEY (child_id, name_key),
    CONSTRAINT people_child_name_key_child FOREIGN KEY (child_id) REFERENCES people_child (id)
);
CREATE INDEX people_child_name_key_by_key ON people_child_name_key (name_key, child_id);
