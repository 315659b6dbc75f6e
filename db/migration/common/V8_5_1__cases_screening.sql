-- Screening decision of a case (docs/domain.md §8, issue 15): the response priority a supervisor set
-- at ACCEPT, the system's proposal beside it (kept when overridden, with the reason), the first
-- face-to-face contact (首次见面核实) it makes due, and the reason a case was screened out.
-- contact_pending_due is first_contact_due while the contact is still owed by an open case and NULL
-- once it is met or the case ended: the first-contact sweep is an index range scan on it.
CREATE TABLE cases_screening (
    case_id              BIGINT        NOT NULL,
    village_code         CHAR(12)      NOT NULL,
    proposed_priority    VARCHAR(12),
    proposal_basis       VARCHAR(500),
    response_priority    VARCHAR(12),
    override_reason      VARCHAR(500),
    accepted_by          VARCHAR(50),
    accepted_at          DATETIME(6),
    first_contact_due    DATETIME(6),
    contact_pending_due  DATETIME(6),
    first_contact_at     DATETIME(6),
    first_contact_by     VARCHAR(50),
    first_contact_note   VARCHAR(2000),
    screen_out_reason    VARCHAR(40),
    referred_to          VARCHAR(200),
    version              BIGINT        NOT NULL,
    PRIMARY KEY (case_id),
    CONSTRAINT cases_screening_case FOREIGN KEY (case_id) REFERENCES cases_case (id)
);
CREATE INDEX cases_screening_contact_pending ON cases_screening (contact_pending_due);
