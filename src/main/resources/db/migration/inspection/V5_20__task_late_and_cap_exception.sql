-- A task from a 双随机 draw of a past month is created due now and keeps the month it was drawn for (逾期补做);
-- an unplanned task beyond the firm's annual frequency cap records its legal exception and reason.
ALTER TABLE inspection_task ADD COLUMN planned_month DATE;
ALTER TABLE inspection_task ADD COLUMN cap_exception VARCHAR(30);
ALTER TABLE inspection_task ADD COLUMN cap_exception_note VARCHAR(500);
