-- casework: the investigation record's lifecycle (InvestigationRecord): its state and version (optimistic locking),
-- when its document was issued, and the head's approval of a 先行登记保存 (行政处罚法第五十六条) — asked before it, or
-- in an emergency given afterwards within the configured hours. Records made before this are issued (or decided).
ALTER TABLE case_record ADD COLUMN status VARCHAR(30) NOT NULL DEFAULT 'ISSUED';
ALTER TABLE case_record ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_record ADD COLUMN issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_record ADD COLUMN approval_reason VARCHAR(1000);
ALTER TABLE case_record ADD COLUMN emergency BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_record ADD COLUMN emergency_reason VARCHAR(1000);
ALTER TABLE case_record ADD COLUMN approved_by_id BIGINT;
ALTER TABLE case_record ADD COLUMN approved_by_name VARCHAR(60);
ALTER TABLE case_record ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_record ADD COLUMN approval_opinion VARCHAR(1000);
ALTER TABLE case_record ADD COLUMN approved_afterwards BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE case_record SET status = 'DECIDED' WHERE preservation_decision IS NOT NULL;
UPDATE case_record SET issued_at = recorded_at WHERE document_id IS NOT NULL;
