-- The organisation a petition accuses, beside its list row and in case_list: the audit search leaves
-- out the events of petitions that accuse the viewer's organisation (《信访工作条例》§30) in the query
-- itself, so that a page is never short. Rows written before are filled in by V241 from their state.
ALTER TABLE petition_list ADD COLUMN accused_organisation VARCHAR(200);

CREATE OR REPLACE VIEW case_list AS
SELECT dispute_id AS case_id, 'LABOUR_DISPUTE' AS kind, case_number, status, is_open, district, organisation,
       officer_in_charge, overdue, next_deadline, applied_on AS opened_on, lead_worker_masked AS party_masked,
       employer_name, credit_code, search_text, last_changed_at, CAST(NULL AS VARCHAR(200)) AS accused_organisation
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
