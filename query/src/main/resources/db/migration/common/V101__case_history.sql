-- case-history: the audit trail of every case of any kind, one row per event.
CREATE TABLE case_history (
    case_id         VARCHAR(36)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_id        VARCHAR(36)  NOT NULL,
    event_type      VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100),
    actor_role      VARCHAR(50),
    organisation    VARCHAR(200),
    client_address  VARCHAR(64),
    correlation_id  VARCHAR(100),
    causation_id    VARCHAR(100),
    data            VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (case_id, sequence_number)
);
CREATE INDEX case_history_actor ON case_history (actor, occurred_at);
