-- The timeline keeps what a line says as a message key with its arguments (JSON), rendered in the
-- reader's language when the timeline is read (docs/domain.md §4). note keeps what a person wrote
-- in their own words (a case note) and, for lines written before this, the finished text.
ALTER TABLE cases_timeline ADD COLUMN note_key VARCHAR(100);
ALTER TABLE cases_timeline ADD COLUMN note_args VARCHAR(8000);
