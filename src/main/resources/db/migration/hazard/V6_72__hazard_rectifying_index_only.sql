-- 隐患 逾期 / 临期 (issue 18): the register counts every matching row of the scope (up to zhifa.hazard.count-cap) and the
-- 工作台 shows both counts. V6_60's partial indexes deliver the rows in the list's order, but the 逾期 condition also
-- reads measure (and, for a province's leader, organization_id), so every counted row was fetched from the table.
-- The same indexes with those columns as trailing keys let PostgreSQL count from the index alone (index-only scan);
-- trailing key columns rather than INCLUDE, which not every PostgreSQL-compatible database accepts.
DROP INDEX IF EXISTS hazard_rectifying_order;
CREATE INDEX hazard_rectifying_order ON hazard (deadline, id DESC, organization_id, measure) WHERE status = 'RECTIFYING';
DROP INDEX IF EXISTS hazard_org_rectifying_order;
CREATE INDEX hazard_org_rectifying_order ON hazard (organization_id, deadline, id DESC, measure) WHERE status = 'RECTIFYING';
