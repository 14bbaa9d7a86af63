-- Issue 18 (past one database): the draw's tasks and the plan's items carry their draw's / plan's organisation id
-- (the distribution key), filled from the parent and NOT NULL. Both are Spring Data JDBC child collections
-- (RandomDraw, the plan), re-inserted on every save, so a BEFORE INSERT trigger fills them from the parent; a writer
-- that already has the id sets it itself. planning_enterprise_record is no longer read (EnterpriseFeatureSource) and
-- gets no column.
ALTER TABLE planning_draw_task ADD COLUMN organization_id BIGINT;
ALTER TABLE planning_plan_item ADD COLUMN organization_id BIGINT;

UPDATE planning_draw_task c SET organization_id = p.organization_id FROM planning_draw p WHERE p.id = c.draw_id;
UPDATE planning_plan_item c SET organization_id = p.organization_id FROM planning_plan p WHERE p.id = c.plan_id;

ALTER TABLE planning_draw_task ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE planning_plan_item ALTER COLUMN organization_id SET NOT NULL;

CREATE FUNCTION planning_draw_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM planning_draw WHERE id = NEW.draw_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION planning_plan_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM planning_plan WHERE id = NEW.plan_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER planning_draw_task_organization BEFORE INSERT ON planning_draw_task
    FOR EACH ROW EXECUTE FUNCTION planning_draw_child_organization();
CREATE TRIGGER planning_plan_item_organization BEFORE INSERT ON planning_plan_item
    FOR EACH ROW EXECUTE FUNCTION planning_plan_child_organization();
