-- An item resolved by the system (its cause gone, its case ended) keeps why as a message key with
-- the keys of its arguments (the names of codes, comma-separated), shown in the reader's language;
-- resolution_note keeps what a supervisor wrote and, for items resolved before this, the finished
-- text (docs/domain.md §4, §7).
ALTER TABLE escalations_item ADD COLUMN resolution_note_key VARCHAR(100);
ALTER TABLE escalations_item ADD COLUMN resolution_note_args VARCHAR(400);
