-- The day the 履行义务催告书 was served as recorded in the service ledger: the ten days before a court-enforcement
-- application run from it (行政强制法第五十四条), not from the day the 催告书 was issued.
ALTER TABLE penalty_case ADD COLUMN reminder_served_on DATE;
