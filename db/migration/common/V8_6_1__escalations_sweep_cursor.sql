-- Where the deadline sweep stands in each source of deadlines (docs/domain.md, "Deadlines and
-- escalation"): every miss up to (done_deadline, done_id) is escalated at both levels or needs no
-- more, and the last read stopped at (scan_deadline, scan_id) (null: the next read starts at done).
-- full_pass_at: when the sweep last read the source from its oldest miss; it does so again after
-- cms.escalations.full-pass, so a deadline stored already past is not skipped for ever.
CREATE TABLE escalations_sweep_cursor (
    source        VARCHAR(200) NOT NULL,
    done_deadline DATETIME(6),
    done_id       BIGINT,
    scan_deadline DATETIME(6),
    scan_id       BIGINT,
    full_pass_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (source)
);
