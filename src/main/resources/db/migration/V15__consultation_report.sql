-- Service-user consultation: the short-notice reason and the report (rules U3, U6, U7). Portable SQL: runs on H2 and
-- PostgreSQL.

-- U3: why the meetings or interviews are arranged at 5 working days' notice instead of a month's (ongoing concerns),
-- as the contracts manager recorded it. Free text: kept here, never in a process variable or the engine's history.
ALTER TABLE consultation ADD COLUMN short_notice_reason VARCHAR(2000);

-- U6, U7: the report the officer writes. The headline is one line, shown on the contract management meeting's audit
-- ("Service Users" clause) and in the quarterly summary; the text goes to the provider as a PDF it can share with
-- service users. Neither holds a name (U4). report_adverse: the report holds adverse comments or complaints, so the
-- SP manager and the head of contracts approve it as well as the contracts manager.
ALTER TABLE consultation ADD COLUMN report_headline VARCHAR(200);
ALTER TABLE consultation ADD COLUMN report_text VARCHAR(4000);
ALTER TABLE consultation ADD COLUMN report_adverse BOOLEAN;
ALTER TABLE consultation ADD COLUMN report_written_by VARCHAR(64);
ALTER TABLE consultation ADD COLUMN report_written_at TIMESTAMP;
