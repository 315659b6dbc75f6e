-- Work lists whose cost follows the page, not the table (issue 19). Each list's ORDER BY is
-- (sort column, id); every index below starts with the list's equality filter (if any), then
-- exactly that order, so a page is read in index order without a filesort and stops after
-- LIMIT rows. The scope (village_code LIKE '<prefix>%') and the status follow in the index, so
-- they are checked in the index (index condition pushdown) instead of on the table row.
-- The id is named explicitly: InnoDB then keeps it in that position instead of appending it.

-- default list (newest first) and the overdue/deadline lists, scope and status checked in the index
DROP INDEX cases_case_opened ON cases_case;
CREATE INDEX cases_case_opened ON cases_case (opened_at, id, village_code, status);
DROP INDEX cases_case_deadline ON cases_case;
CREATE INDEX cases_case_deadline ON cases_case (status_deadline, id, village_code, status);

-- one status (triage: status=RECEIVED), newest first or by deadline
CREATE INDEX cases_case_status_opened ON cases_case (status, opened_at, id, village_code);
CREATE INDEX cases_case_status_deadline ON cases_case (status, status_deadline, id, village_code);

-- a director's "my cases", by deadline or newest first (replaces (assignee, status), which no
-- query could use for its order)
DROP INDEX cases_case_assignee ON cases_case;
CREATE INDEX cases_case_assignee_deadline ON cases_case (assignee, status_deadline, id, village_code);
CREATE INDEX cases_case_assignee_opened ON cases_case (assignee, opened_at, id, village_code);
