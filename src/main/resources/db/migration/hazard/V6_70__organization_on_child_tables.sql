-- Issue 18 (past one database): the hazard's child tables carry the hazard's organisation id (the distribution key),
-- filled from the parent and NOT NULL. A BEFORE INSERT trigger fills it: both are Spring Data JDBC child collections
-- of Hazard, re-inserted on every save of the aggregate. A writer that already has the id sets it itself.
ALTER TABLE hazard_evidence ADD COLUMN organization_id BIGINT;
ALTER TABLE hazard_extension ADD COLUMN organization_id BIGINT;

UPDATE hazard_evidence c SET organization_id = p.organization_id FROM hazard p WHERE p.id = c.hazard;
UPDATE hazard_extension c SET organization_id = p.organization_id FROM hazard p WHERE p.id = c.hazard;

ALTER TABLE hazard_evidence ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE hazard_extension ALTER COLUMN organization_id SET NOT NULL;

CREATE FUNCTION hazard_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM hazard WHERE id = NEW.hazard;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER hazard_evidence_organization BEFORE INSERT ON hazard_evidence
    FOR EACH ROW EXECUTE FUNCTION hazard_child_organization();
CREATE TRIGGER hazard_extension_organization BEFORE INSERT ON hazard_extension
    FOR EACH ROW EXECUTE FUNCTION hazard_child_organization();
