-- Read models of safety hazards. Each is owned by one projection (processing group), can be
-- deleted and rebuilt from the event log, and commits in the same transaction as that
-- projection's tracking token. last_sequence guards against applying an event twice.

-- hazard-list: the columns the list filters on (the first block is the shape every kind's list
-- shares, for the cross-kind case_list view); state holds the evolving view.
CREATE TABLE hazard_list (
    hazard_id              VARCHAR(36)  NOT NULL,
    case_number            VARCHAR(20)  NOT NULL,
    status                 VARCHAR(32)  NOT NULL,
    is_open                BOOLEAN      NOT NULL,
    district               VARCHAR(32)  NOT NULL,
    organisation           VARCHAR(200) NOT NULL,
    -- the reporting inspector
    officer_in_charge      VARCHAR(100),
    -- rectification deadline or employer's answer period passed (the escalation)
    overdue                BOOLEAN      NOT NULL,
    next_deadline          DATE,
    -- the day the hazard was found
    opened_on              DATE,
    -- a hazard names no worker: always null, kept for the shared shape
    party_masked           VARCHAR(100),
    employer_name          VARCHAR(300),
    credit_code            VARCHAR(18),
    -- lower-case case number, employer name, credit code, location and description: for search
    search_text            VARCHAR(20000) NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE,
    state                  VARCHAR(1000000) NOT NULL,
    last_sequence          BIGINT       NOT NULL,
    -- kind-specific
    severity               VARCHAR(16)  NOT NULL,
    reports_pending        BOOLEAN      NOT NULL,
    listed_for_supervision BOOLEAN      NOT NULL,
    PRIMARY KEY (hazard_id)
);
CREATE INDEX hazard_list_organisation ON hazard_list (organisation);
CREATE INDEX hazard_list_status ON hazard_list (status);
CREATE INDEX hazard_list_opened ON hazard_list (opened_on, case_number);

-- hazard-detail: the whole current state of one hazard.
CREATE TABLE hazard_detail (
    hazard_id     VARCHAR(36) NOT NULL,
    case_number   VARCHAR(20) NOT NULL,
    document      VARCHAR(1000000) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (hazard_id)
);
