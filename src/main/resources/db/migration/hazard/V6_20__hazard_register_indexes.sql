-- The hazard register filters, orders and pages in SQL (1.5 million hazards in a province, BENCHMARKS.md).
-- Default order: open before closed, nearest deadline first (matches ORDER BY (status = 'CLOSED'), deadline, id DESC).
CREATE INDEX hazard_register_order ON hazard ((status = 'CLOSED'), deadline, id DESC);
-- A unit's own register in the same order.
CREATE INDEX hazard_org_register_order ON hazard (organization_id, (status = 'CLOSED'), deadline, id DESC);
-- 已逾期 / 即将到期: hazards under rectification by deadline.
CREATE INDEX hazard_rectifying_deadline ON hazard (deadline, organization_id) WHERE status = 'RECTIFYING';
-- Newest (or oldest) found first.
CREATE INDEX hazard_found ON hazard (found_on DESC, id DESC);
CREATE INDEX hazard_org_found ON hazard (organization_id, found_on DESC, id DESC);
-- 重大隐患 and 挂牌督办 are rare: small partial indexes.
CREATE INDEX hazard_major ON hazard (organization_id, deadline) WHERE level = 'MAJOR';
CREATE INDEX hazard_supervised ON hazard (organization_id, deadline) WHERE supervised;
-- Hazards of one inspection record.
CREATE INDEX hazard_record ON hazard (record_id) WHERE record_id IS NOT NULL;
