-- 备案 of a penalty decision: 当场处罚 reported to the agency (行政处罚法第五十二条第三款) and 重大行政处罚 filed with each
-- configured body (local rule). One row per case, kind and body, due when the decision is made; recorded with the day
-- sent and the reference number.
CREATE TABLE case_filing (
    id               BIGSERIAL    PRIMARY KEY,
    penalty_case     BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    organization_id  BIGINT       NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    body             VARCHAR(100) NOT NULL,
    decided_on       DATE         NOT NULL,
    due_on           DATE         NOT NULL,
    sent_on          DATE,
    reference_number VARCHAR(80),
    recorded_by      VARCHAR(60),
    recorded_at      TIMESTAMPTZ,
    UNIQUE (penalty_case, kind, body)
);
CREATE INDEX case_filing_org_due ON case_filing (organization_id, due_on);
