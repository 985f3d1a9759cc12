-- U4: what was done about a consultation concern, recorded when its escalation task is completed. Portable SQL: runs
-- on H2 and PostgreSQL. A safeguarding concern: the action taken (outcome), the account of it (outcome_note, free
-- text that may describe a person: kept here, never in the engine's history) and the day it was taken (acted_on). A
-- complaint: handed to the complaints procedure (outcome) under the procedure's reference (complaint_case_reference)
-- on acted_on. closed_by and closed_at: who recorded it and when. A concern is closed once, so every column is set
-- together or not at all.
ALTER TABLE consultation_concern ADD COLUMN outcome VARCHAR(40);
ALTER TABLE consultation_concern ADD COLUMN outcome_note VARCHAR(2000);
ALTER TABLE consultation_concern ADD COLUMN acted_on DATE;
ALTER TABLE consultation_concern ADD COLUMN complaint_case_reference VARCHAR(40);
ALTER TABLE consultation_concern ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE consultation_concern ADD COLUMN closed_at TIMESTAMP;

ALTER TABLE consultation_concern ADD CONSTRAINT consultation_concern_outcome CHECK (outcome IS NULL
    OR (kind = 'SAFEGUARDING' AND outcome IN ('REFERRED_TO_SAFEGUARDING_TEAM', 'REPORTED_TO_POLICE',
        'PROVIDER_TO_ACT_AND_REPORT', 'NO_FURTHER_ACTION') AND complaint_case_reference IS NULL)
    OR (kind = 'COMPLAINT' AND outcome = 'HANDED_TO_COMPLAINTS_PROCEDURE' AND complaint_case_reference IS NOT NULL));
ALTER TABLE consultation_concern ADD CONSTRAINT consultation_concern_closed CHECK ((outcome IS NULL
    AND acted_on IS NULL AND closed_at IS NULL) OR (outcome IS NOT NULL AND acted_on IS NOT NULL
    AND closed_at IS NOT NULL));
