-- The reports list (GET /api/v1/reports, issue 19) newest first, (received_at, id) descending,
-- read in index order and stopped at the page instead of sorting the whole scope:
-- a supervisor's scope (village_code LIKE '<prefix>%') is checked in the index, like
-- cases_case_opened; an account's own reports are read from (submitted_by, received_at, id).
-- The id is named explicitly so that it is part of the order the index serves.
CREATE INDEX intake_report_received ON intake_report (received_at, id, village_code);
DROP INDEX intake_report_submitter ON intake_report;
CREATE INDEX intake_report_submitter ON intake_report (submitted_by, received_at, id);
