-- Read models of legal-aid cases. Each is owned by one projection (processing group), can be
-- deleted and rebuilt from the event log, and commits in the same transaction as that
-- projection's tracking token. last_sequence guards against applying an event twice.

-- legal-aid-list: the columns the list filters on (and those the cross-kind case_list view unions:
-- legal_aid_case_id .. last_changed_at); state holds the evolving view.
CREATE TABLE legal_aid_list (
    legal_aid_case_id  VARCHAR(36)  NOT NULL,
    case_number        VARCHAR(20)  NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    is_open            BOOLEAN      NOT NULL,
    district           VARCHAR(32)  NOT NULL,
    organisation       VARCHAR(200) NOT NULL,
    officer_in_charge  VARCHAR(100),
    overdue            BOOLEAN      NOT NULL,
    next_deadline      DATE,
    -- the day the application was made
    opened_on          DATE,
    -- the applicant's name, masked
    party_masked       VARCHAR(100),
    employer_name      VARCHAR(300),
    credit_code        VARCHAR(18),
    -- lower-case case number, applicant and employer names, credit code, matter and lawyer: for search
    search_text        VARCHAR(20000) NOT NULL,
    last_changed_at    TIMESTAMP WITH TIME ZONE,
    matter_category    VARCHAR(32)  NOT NULL,
    lawyer_id          VARCHAR(64),
    migrant_worker     BOOLEAN      NOT NULL,
    means_test_exempt  BOOLEAN      NOT NULL,
    urgent_aid         BOOLEAN      NOT NULL,
    state              VARCHAR(1000000) NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    PRIMARY KEY (legal_aid_case_id)
);
CREATE INDEX legal_aid_list_organisation ON legal_aid_list (organisation);
CREATE INDEX legal_aid_list_status ON legal_aid_list (status);
CREATE INDEX legal_aid_list_opened ON legal_aid_list (opened_on, case_number);

-- legal-aid-detail: the whole current state of one case.
CREATE TABLE legal_aid_detail (
    legal_aid_case_id VARCHAR(36) NOT NULL,
    case_number       VARCHAR(20) NOT NULL,
    document          VARCHAR(1000000) NOT NULL,
    last_sequence     BIGINT      NOT NULL,
    PRIMARY KEY (legal_aid_case_id)
);
