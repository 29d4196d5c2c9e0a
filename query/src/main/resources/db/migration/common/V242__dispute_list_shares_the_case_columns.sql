-- Every kind's list table now has the same shared columns, written by one template (CaseListTable):
-- the dispute list's applied_on and lead_worker_masked become opened_on and party_masked, as the other
-- kinds already call them. The case_list view is dropped while its columns are renamed.
DROP VIEW case_list;

ALTER TABLE dispute_list RENAME COLUMN applied_on TO opened_on;
ALTER TABLE dispute_list RENAME COLUMN lead_worker_masked TO party_masked;
DROP INDEX dispute_list_applied;
CREATE INDEX dispute_list_opened ON dispute_list (opened_on, case_number);

CREATE VIEW case_list AS
SELECT dispute_id AS case_id, 'LABOUR_DISPUTE' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at, CAST(NULL AS VARCHAR(200)) AS accused_organisation
FROM dispute_list
UNION ALL
SELECT hazard_id AS case_id, 'SAFETY_HAZARD' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at, CAST(NULL AS VARCHAR(200)) AS accused_organisation
FROM hazard_list
UNION ALL
SELECT legal_aid_case_id AS case_id, 'LEGAL_AID' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at, CAST(NULL AS VARCHAR(200)) AS accused_organisation
FROM legal_aid_list
UNION ALL
SELECT petition_id AS case_id, 'PETITION' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at, accused_organisation
FROM petition_list;
