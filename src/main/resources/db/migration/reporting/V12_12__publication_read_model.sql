-- Penalty decisions due for publication as reporting saw them (publicity's PublicationRecorded snapshots), one row per
-- publication; 应公示/已公示/按时公示 are counts over these rows.
CREATE TABLE reporting_publication (
    publication_id   BIGINT PRIMARY KEY,
    organization_id  BIGINT NOT NULL,
    due_on           DATE   NOT NULL,
    published_on     DATE,
    withdrawn_on     DATE
);
CREATE INDEX reporting_publication_org_due ON reporting_publication (organization_id, due_on);
