-- First issues of documents as reporting saw them (documents' DocumentIssued / DocumentVoided), one row per document;
-- the 文书制发 figures count the rows that are not void.
CREATE TABLE reporting_document (
    document_id      BIGINT PRIMARY KEY,
    organization_id  BIGINT      NOT NULL,
    kind             VARCHAR(60) NOT NULL,
    issue_date       DATE,                 -- null while only the 作废 has been seen (events out of order)
    voided           BOOLEAN     NOT NULL
);
CREATE INDEX reporting_document_org_day ON reporting_document (organization_id, issue_date, kind, voided);
