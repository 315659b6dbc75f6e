-- intake_report ids are taken by IntakeDesk from blocks of this counter (shared.SequenceNumbers)
-- instead of AUTO_INCREMENT, so that a filing can open the case with the report's id and insert the
-- report once, with its case, at the flush (README, Performance). Nothing may insert a report with
-- an AUTO_INCREMENT id any more. The counter holds the last id handed out: the highest there is.
INSERT INTO shared_sequence (name, next_value)
SELECT 'id:intake_report', COALESCE(MAX(id), 0) FROM intake_report;
