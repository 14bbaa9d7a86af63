-- 复议/诉讼 ledger: per penalty case, the kind, the body, the dates, the outcome and a changed penalty.
CREATE TABLE review_litigation (
    id                 BIGSERIAL PRIMARY KEY,
    penalty_case       BIGINT       NOT NULL,
    organization_id    BIGINT       NOT NULL REFERENCES organization (id),
    case_label         VARCHAR(300) NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    body               VARCHAR(200) NOT NULL,
    filed_on           DATE         NOT NULL,
    decided_on         DATE,
    outcome            VARCHAR(30),
    changed_fine_yuan  NUMERIC(14, 2),
    note               TEXT,
    recorded_by        BIGINT       NOT NULL,
    demo               BOOLEAN      NOT NULL DEFAULT FALSE,
    version            INT          NOT NULL DEFAULT 0,
    CONSTRAINT review_litigation_changed_has_fine CHECK (outcome IS DISTINCT FROM 'CHANGED' OR changed_fine_yuan IS NOT NULL)
);
CREATE INDEX review_litigation_org ON review_litigation (organization_id);
CREATE INDEX review_litigation_case ON review_litigation (penalty_case);
