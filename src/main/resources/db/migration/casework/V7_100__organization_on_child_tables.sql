-- Issue 18 (past one database): the case's child tables carry the case's organisation id (the distribution key),
-- filled from the parent and NOT NULL. The ten children of penalty_case are Spring Data JDBC child collections of
-- PenaltyCase, re-inserted on every save of the aggregate, so a BEFORE INSERT trigger fills them from the case (a
-- writer that already has the id sets it itself). The two children of case_record are written by CaseRecords, which
-- has the record's organisation id in hand and sets it.
ALTER TABLE case_step ADD COLUMN organization_id BIGINT;
ALTER TABLE instalment ADD COLUMN organization_id BIGINT;
ALTER TABLE payment ADD COLUMN organization_id BIGINT;
ALTER TABLE coercive_measure ADD COLUMN organization_id BIGINT;
ALTER TABLE seized_object ADD COLUMN organization_id BIGINT;
ALTER TABLE suspension ADD COLUMN organization_id BIGINT;
ALTER TABLE case_recusal ADD COLUMN organization_id BIGINT;
ALTER TABLE case_referral ADD COLUMN organization_id BIGINT;
ALTER TABLE case_record_item ADD COLUMN organization_id BIGINT;
ALTER TABLE case_record_answer ADD COLUMN organization_id BIGINT;

UPDATE case_step c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE instalment c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE payment c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE coercive_measure c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE seized_object c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE suspension c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE case_recusal c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE case_referral c SET organization_id = p.organization_id FROM penalty_case p WHERE p.id = c.penalty_case;
UPDATE case_record_item c SET organization_id = p.organization_id FROM case_record p WHERE p.id = c.record_id;
UPDATE case_record_answer c SET organization_id = p.organization_id FROM case_record p WHERE p.id = c.record_id;

ALTER TABLE case_step ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE instalment ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE payment ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE coercive_measure ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE seized_object ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE suspension ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE case_recusal ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE case_referral ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE case_record_item ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE case_record_answer ALTER COLUMN organization_id SET NOT NULL;

CREATE FUNCTION penalty_case_child_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.organization_id IS NULL THEN
        SELECT organization_id INTO NEW.organization_id FROM penalty_case WHERE id = NEW.penalty_case;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_step_organization BEFORE INSERT ON case_step
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER instalment_organization BEFORE INSERT ON instalment
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER payment_organization BEFORE INSERT ON payment
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER coercive_measure_organization BEFORE INSERT ON coercive_measure
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER seized_object_organization BEFORE INSERT ON seized_object
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER suspension_organization BEFORE INSERT ON suspension
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER case_recusal_organization BEFORE INSERT ON case_recusal
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
CREATE TRIGGER case_referral_organization BEFORE INSERT ON case_referral
    FOR EACH ROW EXECUTE FUNCTION penalty_case_child_organization();
