-- The escalation sweep reads each deadline source after a (deadline, id) key (issue 19 item 6):
-- the register visits, the campaign visits and the measures' deadlines now end their sweep index
-- with the id, so the keyset read "after (d, id), order by deadline, id" is one index range in
-- that order, with no sort, on every database (InnoDB appends the id anyway, H2 does not).
DROP INDEX monitoring_entry_overdue ON monitoring_entry;
CREATE INDEX monitoring_entry_overdue ON monitoring_entry (visit_overdue_at, id);
DROP INDEX monitoring_campaign_visit_overdue ON monitoring_campaign_visit;
CREATE INDEX monitoring_campaign_visit_overdue ON monitoring_campaign_visit (overdue_at, id);
DROP INDEX guardianship_measure_due ON guardianship_measure;
CREATE INDEX guardianship_measure_due ON guardianship_measure (next_deadline_at, id);
