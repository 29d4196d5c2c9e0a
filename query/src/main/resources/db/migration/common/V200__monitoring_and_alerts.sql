-- Monitoring and alerts. Counts come straight from the case_list view; these tables hold what the
-- counts cannot: the outcomes behind the rates, and the alert feed.

-- monitoring (projection, rebuilt by replay): the cases the facts belong to, with where they are.
CREATE TABLE monitoring_case (
    case_id       VARCHAR(36)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    district      VARCHAR(32)  NOT NULL,
    organisation  VARCHAR(200) NOT NULL,
    PRIMARY KEY (case_id)
);
CREATE INDEX monitoring_case_organisation ON monitoring_case (organisation);

-- monitoring: one outcome per case, measure and item (a hazard's notice number, a petition's
-- answer stage; 0 where a case has only one). achieved: the deadline was met, mediation settled,
-- the rectification passed, the petitioner was satisfied. fact_on: the day the outcome is dated
-- (the rates' window). outcome: the detail (SETTLED, FAILED, EXPIRED, a rating). last_sequence: the
-- case event that last wrote the row; an older or equal one is a redelivery and changes nothing.
CREATE TABLE monitoring_fact (
    case_id        VARCHAR(36) NOT NULL,
    measure        VARCHAR(40) NOT NULL,
    item           INTEGER     NOT NULL,
    fact_on        DATE        NOT NULL,
    achieved       BOOLEAN     NOT NULL,
    outcome        VARCHAR(40),
    last_sequence  BIGINT      NOT NULL,
    PRIMARY KEY (case_id, measure, item)
);
CREATE INDEX monitoring_fact_measure ON monitoring_fact (measure, fact_on);

-- alerts (replayable part): where each case is, so that alerts about events that do not name the
-- case number, district or organisation can.
CREATE TABLE alert_case (
    case_id       VARCHAR(36)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    case_number   VARCHAR(20)  NOT NULL,
    district      VARCHAR(32)  NOT NULL,
    organisation  VARCHAR(200) NOT NULL,
    PRIMARY KEY (case_id)
);

-- alerts (side effects, never rebuilt): one row per raising event, keyed by that event's id.
-- A replay of the alerts processor never writes here (@DisallowReplay) and nothing empties it.
CREATE TABLE alert (
    alert_id      VARCHAR(100) NOT NULL,
    alert_type    VARCHAR(32)  NOT NULL,
    case_id       VARCHAR(36)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    case_number   VARCHAR(20)  NOT NULL,
    district      VARCHAR(32)  NOT NULL,
    organisation  VARCHAR(200) NOT NULL,
    message_en    VARCHAR(500) NOT NULL,
    message_zh    VARCHAR(500) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the deadline that passed (DEADLINE_PASSED), else null
    due_on        DATE,
    PRIMARY KEY (alert_id)
);
CREATE INDEX alert_occurred ON alert (occurred_at);
CREATE INDEX alert_organisation ON alert (organisation);
