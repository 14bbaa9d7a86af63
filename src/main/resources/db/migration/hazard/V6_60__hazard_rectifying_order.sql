-- 隐患 逾期 / 临期 lists (HazardRegister: status = 'RECTIFYING', ordered by deadline, id DESC, one page at a time).
-- A province's leader sees every unit: walking this index in order stops after one page instead of reading and sorting
-- every hazard under rectification (the sequential scan of issue 18's page benchmark).
CREATE INDEX hazard_rectifying_order ON hazard (deadline, id DESC) WHERE status = 'RECTIFYING';
-- An officer's own unit in the same order.
CREATE INDEX hazard_org_rectifying_order ON hazard (organization_id, deadline, id DESC) WHERE status = 'RECTIFYING';
