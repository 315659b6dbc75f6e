-- How far the start-up backfill of children's name keys (people.ChildNameIndex) has checked
-- children, by id (issue 19): every child up to checked_through has its keys (those recorded
-- before the name index existed were given them). A start walks only the children above it:
-- none, or the few recorded since the last start, instead of an anti-join over every child.
-- 0 here: the first start after this migration checks every child once.
CREATE TABLE people_child_name_backfill (
    id              INT    NOT NULL,
    checked_through BIGINT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO people_child_name_backfill (id, checked_through) VALUES (1, 0);
