-- PI7: every late return reaches the quarterly report to the CSG and the commissioning body, once it is late,
-- whatever quarter it belongs to; a return still not received is reported again at each run until it is in.
ALTER TABLE pi_return ADD COLUMN late_reported_on DATE;
