-- 执法过错: an officer's fault found in a case (or in a duty not done), how it was found, the responsibility decided.
-- kind and responsibility hold the configured Chinese wording (zhifa.supervision.faults), so a changed list keeps history.
CREATE TABLE enforcement_fault (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    officer_id      BIGINT        NOT NULL,
    officer_name    VARCHAR(100)  NOT NULL,
    penalty_case    BIGINT,
    case_label      VARCHAR(300),
    kind            VARCHAR(60)   NOT NULL,
    found_by        VARCHAR(30)   NOT NULL,
    found_reference VARCHAR(200),
    found_on        DATE          NOT NULL,
    facts           TEXT          NOT NULL,
    responsibility  VARCHAR(60),
    decided_on      DATE,
    recorded_by     BIGINT        NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT enforcement_fault_decided_together CHECK ((responsibility IS NULL) = (decided_on IS NULL)),
    CONSTRAINT enforcement_fault_decided_after_found CHECK (decided_on IS NULL OR decided_on >= found_on)
);
CREATE INDEX enforcement_fault_org_found ON enforcement_fault (organization_id, found_on);
