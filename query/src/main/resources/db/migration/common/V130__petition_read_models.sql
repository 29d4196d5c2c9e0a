-- Read models of petitions (信访). Each is owned by one projection (processing group), can be
-- deleted and rebuilt from the event log, and commits in the same transaction as that
-- projection's tracking token. last_sequence guards against applying an event twice.

-- petition-list: the columns the list filters on and the cross-kind case list reads; state holds
-- the evolving view. party_masked is null for a whistleblower petition, and search_text leaves a
-- whistleblower's name out: the accused organisation's users see lists too.
CREATE TABLE petition_list (
    petition_id       VARCHAR(36)  NOT NULL,
    case_number       VARCHAR(20)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    is_open           BOOLEAN      NOT NULL,
    district          VARCHAR(32)  NOT NULL,
    organisation      VARCHAR(200) NOT NULL,
    officer_in_charge VARCHAR(100),
    handling_officer  VARCHAR(100),
    overdue           BOOLEAN      NOT NULL,
    next_deadline     DATE,
    opened_on         DATE,
    party_masked      VARCHAR(100),
    employer_name     VARCHAR(300),
    credit_code       VARCHAR(18),
    channel           VARCHAR(20)  NOT NULL,
    subject           VARCHAR(32),
    petitioner_count  INTEGER      NOT NULL,
    collective        BOOLEAN      NOT NULL,
    whistleblower     BOOLEAN      NOT NULL,
    claim_final       BOOLEAN      NOT NULL,
    -- lower-case case number, petitioner (unless a whistleblower) and employer names, credit code,
    -- handling unit and claim: for search
    search_text       VARCHAR(20000) NOT NULL,
    last_changed_at   TIMESTAMP WITH TIME ZONE,
    state             VARCHAR(1000000) NOT NULL,
    last_sequence     BIGINT       NOT NULL,
    PRIMARY KEY (petition_id)
);
CREATE INDEX petition_list_organisation ON petition_list (organisation);
CREATE INDEX petition_list_status ON petition_list (status);
CREATE INDEX petition_list_opened ON petition_list (opened_on, case_number);

-- petition-detail: the whole current state of one petition.
CREATE TABLE petition_detail (
    petition_id   VARCHAR(36) NOT NULL,
    case_number   VARCHAR(20) NOT NULL,
    document      VARCHAR(1000000) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (petition_id)
);
