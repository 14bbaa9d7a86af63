-- Issue 18 (past one database): the hazard gives its evidence and extension rows its organisation id in code before
-- each save, because Citus runs no triggers on distributed tables. The BEFORE INSERT triggers of V6_70 and their
-- function go; the column stays NOT NULL.
DROP TRIGGER hazard_evidence_organization ON hazard_evidence;
DROP TRIGGER hazard_extension_organization ON hazard_extension;
DROP FUNCTION hazard_child_organization();
