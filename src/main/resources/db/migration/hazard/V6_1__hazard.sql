-- The hazard register and its closed loop: 检查 → 隐患 → 整改 → 复查 → 销号.
CREATE TABLE hazard (
    id                     BIGSERIAL PRIMARY KEY,
    organization_id        BIGINT        NOT NULL,
    enterprise_id          BIGINT        NOT NULL,
    enterprise_name        VARCHAR(200)  NOT NULL,
    record_id              BIGINT,
    origin_record_id       BIGINT,
    item_code              VARCHAR(20),
    source                 VARCHAR(15)   NOT NULL,
    level                  VARCHAR(10)   NOT NULL,
    criterion              VARCHAR(200),
    location               VARCHAR(200),
    description            VARCHAR(2000) NOT NULL,
    legal_basis            VARCHAR(500),
    status                 VARCHAR(25)   NOT NULL,
    measure                VARCHAR(10),
    deadline               DATE,
    immediate_measure      VARCHAR(1000),
    found_by               BIGINT,
    found_on               DATE          NOT NULL,
    registered_at          TIMESTAMPTZ   NOT NULL,
    rectification_report   VARCHAR(2000),
    rectification_reported_at TIMESTAMPTZ,
    rectification_reported_by VARCHAR(64),
    reinspected_by         BIGINT,
    reinspected_at         TIMESTAMPTZ,
    reinspection_opinion   VARCHAR(2000),
    reinspection_count     INTEGER       NOT NULL DEFAULT 0,
    closed_by              BIGINT,
    closed_at              TIMESTAMPTZ,
    overdue_notified_for   DATE,
    supervised             BOOLEAN       NOT NULL DEFAULT FALSE,
    supervised_at          TIMESTAMPTZ,
    supervised_by          BIGINT,
    responsible_person     VARCHAR(50),
    rectification_measures VARCHAR(2000),
    funds                  NUMERIC(14, 2),
    time_limit             DATE,
    contingency_plan       VARCHAR(2000),
    exposed                BOOLEAN       NOT NULL DEFAULT FALSE,
    demo                   BOOLEAN       NOT NULL DEFAULT FALSE,
    version                INTEGER       NOT NULL
);
CREATE INDEX hazard_org_status ON hazard (organization_id, status);
CREATE INDEX hazard_enterprise ON hazard (enterprise_id);
CREATE UNIQUE INDEX hazard_one_per_item ON hazard (origin_record_id, item_code) WHERE item_code IS NOT NULL;

CREATE TABLE hazard_evidence (
    hazard      BIGINT      NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
    evidence_id BIGINT      NOT NULL,
    stage       VARCHAR(15) NOT NULL,
    PRIMARY KEY (hazard, evidence_id)
);

CREATE TABLE hazard_extension (
    hazard             BIGINT       NOT NULL REFERENCES hazard (id) ON DELETE CASCADE,
    position           INTEGER      NOT NULL,
    requested_deadline DATE         NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    requested_by       VARCHAR(64)  NOT NULL,
    requested_at       TIMESTAMPTZ  NOT NULL,
    approved           BOOLEAN,
    decided_by         BIGINT,
    decided_at         TIMESTAMPTZ,
    PRIMARY KEY (hazard, position)
);
