-- The 专项 of the inspection record a hazard was found on (planning's campaign id).
ALTER TABLE hazard ADD COLUMN campaign_id BIGINT;
CREATE INDEX hazard_campaign_idx ON hazard (campaign_id) WHERE campaign_id IS NOT NULL;
