-- case_list: every kind's list in one shape, for the cross-kind list and search (/api/cases) and
-- for duplicate detection. Each kind's list projection owns its table; this view only reads them.
CREATE VIEW case_list AS
SELECT dispute_id AS case_id, 'LABOUR_DISPUTE' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, applied_on AS opened_on, lead_worker_masked AS party_masked,
       employer_name, credit_code, search_text, last_changed_at
FROM dispute_list
UNION ALL
SELECT hazard_id AS case_id, 'SAFETY_HAZARD' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at
FROM hazard_list
UNION ALL
SELECT legal_aid_case_id AS case_id, 'LEGAL_AID' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at
FROM legal_aid_list
UNION ALL
SELECT petition_id AS case_id, 'PETITION' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, opened_on, party_masked, employer_name, credit_code,
       search_text, last_changed_at
FROM petition_list;
