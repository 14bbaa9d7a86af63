-- Issue 18 (past one database): the large child tables of records and tasks carry the organisation id of their parent,
-- the key they would be distributed (Citus) or filtered by, filled from the parent and NOT NULL.
-- Filled by a BEFORE INSERT trigger, not in code: these are Spring Data JDBC child collections of InspectionRecord and
-- InspectionTask (public value records other modules build), deleted and re-inserted on every save of the aggregate;
-- the trigger reads the parent's organisation id by primary key. A writer that already has it (the profile generator)
-- sets the column and the trigger leaves it alone.
ALTER TABLE inspection_item_result ADD COLUMN organization_id BIGINT;
ALTER TABLE inspection_record_photo ADD COLUMN organization_id BIGINT;
ALTER TABLE inspection_signature ADD COLUMN organization_id BIGINT;
ALTER TABLE inspection_record_member ADD COLUMN organization_id BIGINT;
ALTER TABLE inspection_task_member ADD COLUMN organization_id BIGINT;

UPDATE inspection_item_result c SET organization_id = p.organization_id FROM inspection_record p WHERE p.id = c.inspection_record;
UPDATE inspection_record_photo c SET organization_id = p.organization_id FROM inspection_record p WHERE p.id = c.inspection_record;
UPDATE inspection_signature c SET organization_id = p.organization_id FROM inspection_record p WHERE p.id = c.inspection_record;
UPDATE inspection_record_member c SET organization_id = p.organization_id FROM inspection_record p WHERE p.id = c.inspection_record;
UPDATE inspection_task_member c SET organization_id = p.organization_id FROM inspection_task p WHERE p.id = c.inspection_task;

ALTER TABLE inspection_item_result ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE inspection_record_photo ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE inspection_signature ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE inspection_record_member ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE inspection_task_member ALTER COLUMN organization_id SET NOT NULL;

CREATE FUNCTION inspection_record_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM inspection_record WHERE id = NEW.inspection_record;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION inspection_task_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM inspection_task WHERE id = NEW.inspection_task;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER inspection_item_result_organization BEFORE INSERT ON inspection_item_result
    FOR EACH ROW EXECUTE FUNCTION inspection_record_child_organization();
CREATE TRIGGER inspection_record_photo_organization BEFORE INSERT ON inspection_record_photo
    FOR EACH ROW EXECUTE FUNCTION inspection_record_child_organization();
CREATE TRIGGER inspection_signature_organization BEFORE INSERT ON inspection_signature
    FOR EACH ROW EXECUTE FUNCTION inspection_record_child_organization();
CREATE TRIGGER inspection_record_member_organization BEFORE INSERT ON inspection_record_member
    FOR EACH ROW EXECUTE FUNCTION inspection_record_child_organization();
CREATE TRIGGER inspection_task_member_organization BEFORE INSERT ON inspection_task_member
    FOR EACH ROW EXECUTE FUNCTION inspection_task_child_organization();
