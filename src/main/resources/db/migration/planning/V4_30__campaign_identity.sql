-- A 专项 (campaign) gets its own identity: tasks, records, hazards and cases carry it as their campaign tag,
-- and reporting counts per campaign. Its year and unit are its plan's.
CREATE SEQUENCE planning_campaign_seq;
ALTER TABLE planning_campaign ADD COLUMN campaign_id BIGINT;
UPDATE planning_campaign SET campaign_id = nextval('planning_campaign_seq');
ALTER TABLE planning_campaign ALTER COLUMN campaign_id SET NOT NULL;
CREATE UNIQUE INDEX planning_campaign_id_idx ON planning_campaign (campaign_id);
