-- Risk assessments, support plans (with history) and follow-up visits (DOMAIN.md §6).
CREATE TABLE assessment_assessment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    case_id             BIGINT        NOT NULL,
    instrument_version  VARCHAR(20)   NOT NULL,
    status              VARCHAR(12)   NOT NULL,
    answers             VARCHAR(4000) NOT NULL,
    rationale           VARCHAR(4000),
    score               INT,
    computed_level      VARCHAR(10),
    final_level         VARCHAR(10),
    confirmed_by        VARCHAR(50),
    confirmed_at        DATETIME(6),
    confirmation_reason VARCHAR(1000),
    assessor            VARCHAR(50)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    completed_at        DATETIME(6),
    version             BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX assessment_assessment_case ON assessment_assessment (case_id, status);

CREATE TABLE assessment_support_plan (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    case_id       BIGINT        NOT NULL,
    goals         VARCHAR(4000),
    services      VARCHAR(8000),
    service_count INT           NOT NULL,
    updated_by    VARCHAR(50),
    updated_at    DATETIME(6),
    version       BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX assessment_support_plan_case ON assessment_support_plan (case_id);

CREATE TABLE assessment_plan_revision (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    case_id    BIGINT        NOT NULL,
    revised_at DATETIME(6)   NOT NULL,
    revised_by VARCHAR(50)   NOT NULL,
    goals      VARCHAR(4000),
    services   VARCHAR(8000),
    PRIMARY KEY (id)
);
CREATE INDEX assessment_plan_revision_case ON assessment_plan_revision (case_id, id);

CREATE TABLE assessment_visit (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    case_id      BIGINT        NOT NULL,
    visited_on   DATE          NOT NULL,
    type         VARCHAR(12)   NOT NULL,
    persons_seen VARCHAR(500),
    observations VARCHAR(4000) NOT NULL,
    safety       VARCHAR(12)   NOT NULL,
    next_steps   VARCHAR(2000),
    next_due     DATETIME(6),
    recorded_by  VARCHAR(50)   NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX assessment_visit_case ON assessment_visit (case_id, visited_on);

-- When the next reassessment of an open case is due (every 30 days by the policy); indexed for the sweep.
CREATE TABLE assessment_schedule (
    case_id           BIGINT      NOT NULL,
    reassessment_due  DATETIME(6),
    version           BIGINT      NOT NULL,
    PRIMARY KEY (case_id)
);
CREATE INDEX assessment_schedule_due ON assessment_schedule (reassessment_due);
