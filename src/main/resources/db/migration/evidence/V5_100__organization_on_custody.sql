-- Issue 18 (past one database): the chain of custody (a row for every view of every file) carries the file's
-- organisation id (the distribution key), filled from evidence_file and NOT NULL; EvidenceManagement sets it on insert.
ALTER TABLE evidence_custody ADD COLUMN organization_id BIGINT;
UPDATE evidence_custody c SET organization_id = p.organization_id FROM evidence_file p WHERE p.id = c.evidence_id;
ALTER TABLE evidence_custody ALTER COLUMN organization_id SET NOT NULL;
