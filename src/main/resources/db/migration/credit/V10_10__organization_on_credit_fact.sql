-- Issue 18 (past one database): a firm's credit facts carry the firm's organisation id (the distribution key), NOT
-- NULL; CreditFacts sets it from the firm (EnterpriseManagement). The one-off fill reads the registry's table here,
-- in SQL, because the credit module has no other way to the existing rows' firms at migration time; facts about a firm
-- that no longer exists (a purged demo firm) are removed.
ALTER TABLE credit_fact ADD COLUMN organization_id BIGINT;
UPDATE credit_fact c SET organization_id = p.organization_id FROM enterprise p WHERE p.id = c.enterprise_id;
DELETE FROM credit_fact WHERE organization_id IS NULL;
ALTER TABLE credit_fact ALTER COLUMN organization_id SET NOT NULL;
