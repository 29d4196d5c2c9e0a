-- Who each case is about, for duplicate detection at intake: a keyed hash of each worker's ID
-- number (never the number itself) and each employer's credit code. Written with the case.
CREATE TABLE case_party (
    case_id   VARCHAR(36)  NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    party_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (case_id, party_key)
);
CREATE INDEX case_party_key ON case_party (party_key, kind);
