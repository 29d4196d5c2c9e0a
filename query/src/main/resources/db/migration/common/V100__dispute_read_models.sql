-- Read models of labour disputes. Each is owned by one projection (processing group), can be
-- deleted and rebuilt from the event log, and commits in the same transaction as that
-- projection's tracking token. last_sequence guards against applying an event twice.

-- dispute-list: the columns the list filters on; state holds the evolving view.
CREATE TABLE dispute_list (
    dispute_id         VARCHAR(36)  NOT NULL,
    case_number        VARCHAR(20)  NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    district           VARCHAR(32)  NOT NULL,
    organisation       VARCHAR(200) NOT NULL,
    category           VARCHAR(32),
    officer_in_charge  VARCHAR(100),
    mediator           VARCHAR(100),
    lead_worker_masked VARCHAR(100),
    worker_count       INTEGER      NOT NULL,
    employer_name      VARCHAR(300),
    credit_code        VARCHAR(18),
    collective         BOOLEAN      NOT NULL,
    is_open            BOOLEAN      NOT NULL,
    overdue            BOOLEAN      NOT NULL,
    next_deadline      DATE,
    applied_on         DATE,
    last_changed_at    TIMESTAMP WITH TIME ZONE,
    -- lower-case case number, party and employer names, credit code and claim: for search
    search_text        VARCHAR(20000) NOT NULL,
    state              VARCHAR(1000000) NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    PRIMARY KEY (dispute_id)
);
CREATE INDEX dispute_list_organisation ON dispute_list (organisation);
CREATE INDEX dispute_list_status ON dispute_list (status);
CREATE INDEX dispute_list_applied ON dispute_list (applied_on, case_number);

-- dispute-detail: the whole current state of one dispute.
CREATE TABLE dispute_detail (
    dispute_id    VARCHAR(36) NOT NULL,
    case_number   VARCHAR(20) NOT NULL,
    document      VARCHAR(1000000) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (dispute_id)
);
