-- The first-contact sweep reads after a (deadline, case id) key like the other deadline sources
-- (V8_11_1): its index ends with the case id, so the keyset read is one index range in that order.
DROP INDEX cases_screening_contact_pending ON cases_screening;
CREATE INDEX cases_screening_contact_pending ON cases_screening (contact_pending_due, case_id);
