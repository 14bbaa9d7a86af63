-- Issue 18 (past one database): the issued document's child tables carry the document's organisation id (the
-- distribution key), filled from doc_issued and NOT NULL. IssuedDocumentStore and DocumentSignatures set it on insert
-- from the document. doc_signature is append-only (its trigger refuses UPDATE): the one-off fill of the new column
-- lifts that trigger for this statement only, inside this migration's transaction.
ALTER TABLE doc_signature ADD COLUMN organization_id BIGINT;
ALTER TABLE doc_void ADD COLUMN organization_id BIGINT;
ALTER TABLE doc_void_request ADD COLUMN organization_id BIGINT;

ALTER TABLE doc_signature DISABLE TRIGGER doc_signature_no_change;
UPDATE doc_signature c SET organization_id = p.organization_id FROM doc_issued p WHERE p.id = c.document_id;
ALTER TABLE doc_signature ENABLE TRIGGER doc_signature_no_change;
UPDATE doc_void c SET organization_id = p.organization_id FROM doc_issued p WHERE p.id = c.document_id;
UPDATE doc_void_request c SET organization_id = p.organization_id FROM doc_issued p WHERE p.id = c.document_id;

ALTER TABLE doc_signature ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE doc_void ALTER COLUMN organization_id SET NOT NULL;
ALTER TABLE doc_void_request ALTER COLUMN organization_id SET NOT NULL;
