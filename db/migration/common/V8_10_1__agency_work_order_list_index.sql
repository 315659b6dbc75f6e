-- An agency's work-order list (issue 19): agency_code = ? ordered by (due_at, id), read in that
-- order and stopped at the page instead of sorting all of the agency's orders (its whole history).
-- With a status filter referrals_work_order_agency (agency_code, status, due_at[, id]) serves it.
CREATE INDEX referrals_work_order_agency_due ON referrals_work_order (agency_code, due_at, id, status);
