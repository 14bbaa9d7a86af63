-- The 专项 a task was created for (planning's campaign id); its records inherit it through the task.
ALTER TABLE inspection_task ADD COLUMN campaign_id BIGINT;
CREATE INDEX inspection_task_campaign_idx ON inspection_task (campaign_id) WHERE campaign_id IS NOT NULL;
