-- Issue 18 (past one database): a firm's history tables carry the firm's organisation id (the distribution key),
-- filled from enterprise and NOT NULL; Enterprises, EnterpriseImports, RegistryDemoData and EnforcementActs set it on
-- insert from the firm (an act naming no registered firm, a case against a person, takes the acting unit's id).
-- Here an act without a firm takes its officer's unit. enterprise_timeline and enforcement_act had no foreign key:
-- the rows left with no unit (a purged demo firm's timeline, an act of a deleted account) no page can reach, and
-- they are removed here.
ALTER TABLE enterprise_change ADD COLUMN organization_id BIGINT;
ALTER TABLE enterprise_timeline ADD COLUMN organization_id BIGINT;
ALTER TABLE enforcement_act ADD COLUMN organization_id BIGINT;

UPDATE enterprise_change c SET organization_id = p.organization_id FROM enterprise p WHERE p.id = c.enterprise_id;
UPDATE enterprise_timeline c SET organization_id = p.organization_id FROM enterprise p WHERE p.id = c.enterprise_id;
UPDATE enforcement_act c SET organization_id = p.organization_id FROM enterprise p WHERE p.id = c.enterprise_id;
UPDATE enforcement_act c SET organization_id = u.organization_id FROM app_user u
 WHERE u.id = c.user_id AND c.organization_id IS NULL;
DELETE FROM enterprise_timeline WHERE organization_id IS NULL;
DELETE FROM enforcement_act WHERE organization_id IS NULL;

ALTER TABLE enterprise_change ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE enterprise_timeline ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE enforcement_act ALTER COLUMN organization_id SET NOT NULL;
