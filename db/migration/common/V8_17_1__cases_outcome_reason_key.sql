-- A reason the system gives for a transition (a follow-up visit declaring an emergency) is kept as
-- its message key and shown in the reader's language; outcome_reason keeps what a person wrote and,
-- for rows written before this, the finished text (docs/domain.md §4).
ALTER TABLE cases_case ADD COLUMN outcome_reason_key VARCHAR(100);
