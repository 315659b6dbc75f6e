-- The triage list flags a report whose child may already be known (same name and village, not
-- certain): set at filing from the child match intake already makes, so the list needs no search.
ALTER TABLE intake_report ADD COLUMN possible_duplicate BOOLEAN NOT NULL DEFAULT FALSE;
