-- Issue 18 (past one database): an officer's certificate events and trainings carry an organisation id (the
-- distribution key), NOT NULL, set in code on insert.
-- certificate_event: the certificate's (the officer's unit when the certificate was issued; OfficerCertificate gives
-- each new event its id), so the events sit with their certificate and the statistics' join of the two stays local.
-- officer_training: the officer's unit when the training was recorded (OfficerManagement takes it from the user);
-- existing rows get the officer's unit now, the nearest known. A training of an account that no longer exists has no
-- unit and no page that reaches it (the list asks for the user first), and is removed.
ALTER TABLE certificate_event ADD COLUMN organization_id BIGINT;
ALTER TABLE officer_training ADD COLUMN organization_id BIGINT;

UPDATE certificate_event e SET organization_id = c.organization_id FROM officer_certificate c WHERE c.id = e.officer_certificate;
UPDATE officer_training t SET organization_id = u.organization_id FROM app_user u WHERE u.id = t.user_id;
DELETE FROM officer_training WHERE organization_id IS NULL;

ALTER TABLE certificate_event ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE officer_training ALTER COLUMN organization_id SET NOT NULL;
CREATE INDEX officer_training_org_idx ON officer_training (organization_id, completed_on);
