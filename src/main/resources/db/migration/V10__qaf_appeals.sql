-- QAF grades and appeals (Q7), the D-grade improvement plan (Q8) and the clerk's record (Q7 records). Portable SQL:
-- runs on H2 and PostgreSQL. The provider's further evidence, the plan and the reviews are free text: kept here,
-- never in process history.

-- Q7: the provider's response is due 4 weeks after the agreed (or reconsidered) grades are e-mailed; disagreeing
-- after that day or after the final decision is refused. final_route says how the grades became final: accepted,
-- no response by the deadline (accepted), or the contracts manager's final decision.
ALTER TABLE qaf_return ADD COLUMN response_due_on DATE;
ALTER TABLE qaf_return ADD COLUMN appeal_evidence VARCHAR(4000);
ALTER TABLE qaf_return ADD COLUMN appealed_at TIMESTAMP;
ALTER TABLE qaf_return ADD COLUMN reconsidered_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN reconsidered_at TIMESTAMP;
ALTER TABLE qaf_return ADD COLUMN final_visit_ordered BOOLEAN;
ALTER TABLE qaf_return ADD COLUMN final_visit_findings VARCHAR(4000);
ALTER TABLE qaf_return ADD COLUMN final_decision_note VARCHAR(2000);
ALTER TABLE qaf_return ADD COLUMN final_decision_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN final_route VARCHAR(20);
ALTER TABLE qaf_return ADD COLUMN finalised_at TIMESTAMP;
-- Q7 records: the data input clerk's "date entered onto Swift".
ALTER TABLE qaf_return ADD COLUMN swift_entered_on DATE;
ALTER TABLE qaf_return ADD COLUMN swift_entered_by VARCHAR(64);
-- Q8: a D grade needs an improvement plan within 2 weeks, reviewed by the officer and the contracts manager,
-- validated one month after it was received; no improvement: reported to the CSG, default notice decided.
ALTER TABLE qaf_return ADD COLUMN plan_due_on DATE;
ALTER TABLE qaf_return ADD COLUMN improvement_plan VARCHAR(4000);
ALTER TABLE qaf_return ADD COLUMN plan_submitted_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN plan_submitted_at TIMESTAMP;
ALTER TABLE qaf_return ADD COLUMN plan_officer_review VARCHAR(2000);
ALTER TABLE qaf_return ADD COLUMN plan_officer_reviewed_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN plan_manager_review VARCHAR(2000);
ALTER TABLE qaf_return ADD COLUMN plan_manager_reviewed_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN improvement_validation_on DATE;
ALTER TABLE qaf_return ADD COLUMN improved BOOLEAN;
ALTER TABLE qaf_return ADD COLUMN improvement_findings VARCHAR(2000);
ALTER TABLE qaf_return ADD COLUMN improvement_validated_by VARCHAR(64);
ALTER TABLE qaf_return ADD COLUMN default_notice BOOLEAN;
ALTER TABLE qaf_return ADD COLUMN default_notice_reason VARCHAR(2000);
ALTER TABLE qaf_return ADD COLUMN default_notice_decided_by VARCHAR(64);
ALTER TABLE qaf_return ADD CONSTRAINT qaf_final_route
    CHECK (final_route IS NULL OR final_route IN ('ACCEPTED', 'NO_RESPONSE', 'FINAL_DECISION'));

-- Q7: the provider's further evidence for one objective when it disagrees.
ALTER TABLE qaf_objective ADD COLUMN appeal_evidence VARCHAR(4000);
