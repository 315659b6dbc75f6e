-- Open cases of children who may be the one a report is about (same name and village, birth
-- date unknown on one side), kept so that a supervisor who may see both can confirm or link
-- them later; the filer is only told that such a match exists when the case is outside its scope.
CREATE TABLE intake_report_possible_duplicate (
    report_id BIGINT NOT NULL,
    case_id   BIGINT NOT NULL,
    PRIMARY KEY (report_id, case_id),
    CONSTRAINT intake_report_possible_duplicate_report FOREIGN KEY (report_id) REFERENCES intake_report (id)
);
