-- Hazards and cases as reporting saw them (from hazard's HazardFound/HazardClosed and casework's CaseReported), one
-- narrow row per source id so that a repeated or late event changes nothing; the annual figures sum over these rows.

CREATE TABLE reporting_hazard (
    hazard_id        BIGINT PRIMARY KEY,
    organization_id  BIGINT  NOT NULL,
    found_on         DATE,              -- null while only the 销号 has been seen (events out of order)
    major            BOOLEAN NOT NULL,
    closed_on        DATE
);
CREATE INDEX reporting_hazard_org_found ON reporting_hazard (organization_id, found_on, major, closed_on);

CREATE TABLE reporting_case (
    case_id          BIGINT PRIMARY KEY,
    organization_id  BIGINT        NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    filed_on         DATE,
    decided_on       DATE,
    fine_yuan        NUMERIC(14, 2),
    punished         BOOLEAN       NOT NULL
);
CREATE INDEX reporting_case_org_filed ON reporting_case (organization_id, filed_on, kind);
CREATE INDEX reporting_case_org_decided ON reporting_case (organization_id, decided_on, kind, punished, fine_yuan);
