-- The 专项 of the record or hazard a case was proposed from (planning's campaign id).
ALTER TABLE penalty_case ADD COLUMN campaign_id BIGINT;
CREATE INDEX penalty_case_campaign_idx ON penalty_case (campaign_id) WHERE campaign_id IS NOT NULL;
