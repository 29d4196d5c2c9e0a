-- Whether each case is open, on the command side: written in the transaction of the command whose
-- event closes or reopens it (CaseOpenState), read by the duplicate check at intake, which no longer
-- decides on the case list. Cases closed before this migration are taken from the case list once.
ALTER TABLE case_registry ADD COLUMN is_open BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE case_registry SET is_open = FALSE WHERE case_id IN (SELECT case_id FROM case_list WHERE NOT is_open);
