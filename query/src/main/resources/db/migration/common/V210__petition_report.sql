-- petition-report: the facts the monthly petition analysis report (信访分析月报) counts. Owned by
-- the petition-report projection, deleted and rebuilt from the event log on reset, committed with
-- its tracking token. last_sequence guards against applying an event twice. See ADR 0022.

-- One row per petition. received_month is the month (yyyy-MM) of received_on, the day the petition
-- reached the union on China's calendar, as the officer recorded it. decision is PENDING,
-- ACCEPTED or NOT_ACCEPTED; replied_on_time is null until replied; first_rating is the
-- petitioner's first rating of any answer.
CREATE TABLE petition_report_fact (
    petition_id      VARCHAR(36)  NOT NULL,
    received_on      DATE         NOT NULL,
    received_month   VARCHAR(7)   NOT NULL,
    organisation     VARCHAR(200) NOT NULL,
    district         VARCHAR(32)  NOT NULL,
    channel          VARCHAR(20)  NOT NULL,
    subject          VARCHAR(32),
    collective       BOOLEAN      NOT NULL,
    decision         VARCHAR(16)  NOT NULL,
    replied          BOOLEAN      NOT NULL,
    replied_on_time  BOOLEAN,
    first_rating     VARCHAR(32),
    last_sequence    BIGINT       NOT NULL,
    PRIMARY KEY (petition_id)
);
CREATE INDEX petition_report_fact_month ON petition_report_fact (received_month, organisation);

-- One row per petitioner of a petition, keyed by a one-way hash of the ID number (never the ID
-- number): enough to tell that the same person petitioned again, nothing more.
CREATE TABLE petition_report_petitioner (
    petition_id    VARCHAR(36)  NOT NULL,
    petitioner_key VARCHAR(64)  NOT NULL,
    received_on    DATE         NOT NULL,
    organisation   VARCHAR(200) NOT NULL,
    PRIMARY KEY (petition_id, petitioner_key)
);
CREATE INDEX petition_report_petitioner_key ON petition_report_petitioner (petitioner_key, received_on);
CREATE INDEX petition_report_petitioner_received ON petition_report_petitioner (received_on);
