-- Which case each scheduled deadline belongs to (Quartz keeps it only inside a serialized job data
-- map): cancelling a case's deadlines looks up its own jobs here instead of reading every job of
-- that name (ADR 28). Written in the transaction that schedules the job.
CREATE TABLE deadline_scope (
    deadline_name VARCHAR(200) NOT NULL,
    job_name      VARCHAR(200) NOT NULL,
    scope_key     VARCHAR(300) NOT NULL,
    PRIMARY KEY (deadline_name, job_name)
);
CREATE INDEX deadline_scope_by_scope ON deadline_scope (scope_key, deadline_name);

-- A transition retried with the same (user, Idempotency-Key) answers the version it first produced;
-- creates leave it empty (their result is the case).
ALTER TABLE idempotency_key ADD COLUMN result_version BIGINT;
