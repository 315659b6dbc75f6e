-- A work order step's note the system writes (where a redispatch sent the order, a callback's
-- outcome) is kept as its message key with its arguments (a JSON array of texts: an agency's name,
-- what a person wrote), shown in the reader's language. note keeps what a person wrote and, for
-- steps written before this, the finished text (docs/domain.md §4, §5).
ALTER TABLE referrals_work_order_step ADD COLUMN note_key VARCHAR(100);
ALTER TABLE referrals_work_order_step ADD COLUMN note_args VARCHAR(4000);
