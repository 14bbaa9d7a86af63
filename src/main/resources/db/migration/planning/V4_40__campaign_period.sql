-- A 专项 runs for a period inside its plan's year (a campaign's deployment notice fixes it); tasks may carry a 专项 only
-- while it runs. Campaigns recorded before had no period: they run for the whole plan year.
ALTER TABLE planning_campaign ADD COLUMN starts_on DATE;
ALTER TABLE planning_campaign ADD COLUMN ends_on DATE;
UPDATE planning_campaign c SET starts_on = make_date(p.year, 1, 1), ends_on = make_date(p.year, 12, 31)
FROM planning_plan p WHERE p.id = c.plan_id;
ALTER TABLE planning_campaign ALTER COLUMN starts_on SET NOT NULL;
ALTER TABLE planning_campaign ALTER COLUMN ends_on SET NOT NULL;
