-- History of involvement (docs/domain.md §8) reads a child's reports by child, newest first.
CREATE INDEX intake_report_child ON intake_report (child_id, received_at);
