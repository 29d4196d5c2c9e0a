-- Case numbers: one counter per kind and year. Allocation increments the row inside the same
-- transaction that stores the case's first event, so a refused filing leaves no gap and two
-- concurrent filings can never read the same value (the update takes a row lock).
CREATE TABLE case_number_counter (
    kind      VARCHAR(8) NOT NULL,
    case_year INTEGER    NOT NULL,
    last_used BIGINT     NOT NULL,
    PRIMARY KEY (kind, case_year)
);

-- Every case number ever issued, with the case it belongs to: the unique constraint is the last
-- line of defence against a duplicate, and it lets a case be found by its number. It is written
-- with the first event, so it answers "does this case exist, and whose is it" without lag.
CREATE TABLE case_registry (
    case_id     VARCHAR(36) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    case_number   VARCHAR(20)  NOT NULL,
    organisation  VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the possible duplicates shown when the case was filed (JSON), returned again on a retry
    possible_duplicates VARCHAR(20000) NOT NULL,
    PRIMARY KEY (case_id),
    UNIQUE (case_number)
);

-- Client retries of a create: the same (user, Idempotency-Key) returns the first result.
CREATE TABLE idempotency_key (
    principal       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
