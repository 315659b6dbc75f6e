-- intake_report ids are taken from blocks of this counter (shared.BlockId) instead of AUTO_INCREMENT,
-- so that a filing inserts its report once, at the flush, and JDBC can batch it (README, Performance).
-- The counter holds the last id handed out; it starts at the highest id there is.
INSERT INTO shared_sequence (name, next_value)
SELECT 'id:intake_report', COALESCE(MAX(id), 0) FROM intake_report;
