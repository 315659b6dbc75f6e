-- Failed pushes of 12345 feedback (issue 16): how often each event was refused, the last cause,
-- and when the exchange gave up on it (cms.exchange.p12345.max-attempts) so that an operator can
-- send it again by hand. An event the platform acknowledged is in exchange_feedback_sent.
CREATE TABLE exchange_feedback_attempt (
    event_id      VARCHAR(40)  NOT NULL,
    ticket_number VARCHAR(64)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    attempts      INT          NOT NULL,
    last_failure  VARCHAR(500) NOT NULL,
    given_up_at   DATETIME(6),
    PRIMARY KEY (event_id)
);
