-- casework: a 查封/扣押 taken on the spot in an emergency (行政强制法第十九条) before the head's approval, which is
-- given afterwards (补办批准手续, within the configured 24 hours). approved_by/approved_at stay empty until then.
ALTER TABLE coercive_measure ALTER COLUMN approved_by DROP NOT NULL;
ALTER TABLE coercive_measure ADD COLUMN emergency BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE coercive_measure ADD COLUMN taken_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE coercive_measure ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
