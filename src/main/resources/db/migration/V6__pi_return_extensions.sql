-- Extensions of a PI return's deadline (rule PI7). Portable SQL: runs on H2 and PostgreSQL.

-- PI7: a later deadline agreed with the provider while the return is awaited, why, and by whom; the deadline
-- first given stays in "deadline". Lateness and the reminder are judged against the extended deadline.
ALTER TABLE pi_return ADD COLUMN extended_deadline DATE;
ALTER TABLE pi_return ADD COLUMN extension_reason VARCHAR(2000);
ALTER TABLE pi_return ADD COLUMN extension_agreed_by VARCHAR(64);
ALTER TABLE pi_return ADD COLUMN extension_agreed_at TIMESTAMP;
ALTER TABLE pi_return ADD CONSTRAINT return_extension_later
    CHECK (extended_deadline IS NULL OR (extended_deadline > deadline AND extension_reason IS NOT NULL));
