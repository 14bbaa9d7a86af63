-- The date of the act (and the end of a continuing act) and whether it endangered life and health with consequences:
-- the limitation of 行政处罚法第三十六条 (two years, five years) is checked at 立案.
ALTER TABLE penalty_case ADD COLUMN act_on DATE;
ALTER TABLE penalty_case ADD COLUMN act_ended_on DATE;
ALTER TABLE penalty_case ADD COLUMN life_and_health_harmed BOOLEAN NOT NULL DEFAULT FALSE;
