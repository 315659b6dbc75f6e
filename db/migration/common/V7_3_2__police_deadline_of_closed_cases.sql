-- firsthour-a: a closed or screened-out case no longer waits for its reports' police
-- notification (intake clears the deadline at the transition from now on; this clears the old ones).
UPDATE intake_report SET police_deadline = NULL
 WHERE police_deadline IS NOT NULL
   AND case_id IN (SELECT id FROM cases_case WHERE status IN ('CLOSED', 'SCREENED_OUT'));
