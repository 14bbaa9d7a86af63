-- casework: the decision on evidence registered and preserved in advance (先行登记保存处理决定, 行政处罚法第五十六条),
-- made once per 先行登记保存 record; a decision dated after the configured period is kept and flagged late (逾期).
ALTER TABLE case_record ADD COLUMN preservation_decision        VARCHAR(30);
ALTER TABLE case_record ADD COLUMN preservation_decided_on      DATE;
ALTER TABLE case_record ADD COLUMN preservation_decision_reason VARCHAR(1000);
ALTER TABLE case_record ADD COLUMN preservation_decision_late   BOOLEAN;
ALTER TABLE case_record ADD COLUMN preservation_decided_by_id   BIGINT;
ALTER TABLE case_record ADD COLUMN preservation_decided_by_name VARCHAR(60);
ALTER TABLE case_record ADD COLUMN preservation_decided_at      TIMESTAMP WITH TIME ZONE;
