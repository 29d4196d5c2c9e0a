-- The application instances sharing this database (ADR 25). Each instance that runs with several
-- processor segments refreshes its row every few seconds and deletes it when it stops; the segment
-- balancer divides every processor's segments among the instances whose row is fresh. Times are the
-- database's CURRENT_TIMESTAMP, so the instances' clocks need not agree.
CREATE TABLE app_instance (
    instance_id   VARCHAR(255)             NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (instance_id)
);
