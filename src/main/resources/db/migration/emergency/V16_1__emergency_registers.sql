-- issue 20, module emergency: the bureau's emergency registers and the firms' 安责险 policies. Every row belongs to a unit
-- (organization_id, the data scope); phones are personal data sealed by FieldCipher (EmergencyPersonalData).
-- Choice columns hold the Chinese wording (总体/专项/部门/企业, 桌面/实战 ...), so a changed list keeps history.
CREATE TABLE emergency_plan (
    id                BIGSERIAL PRIMARY KEY,
    organization_id   BIGINT       NOT NULL REFERENCES organization (id),
    name              VARCHAR(200) NOT NULL,
    level             VARCHAR(20)  NOT NULL,
    kind              VARCHAR(40)  NOT NULL,
    lead_department   VARCHAR(100) NOT NULL,
    approved_on       DATE,
    approved_by       VARCHAR(100),
    last_revised_on   DATE,
    last_evaluated_on DATE,
    card_evidence_id  BIGINT,
    created_by        BIGINT,
    demo              BOOLEAN      NOT NULL DEFAULT FALSE,
    version           INT          NOT NULL DEFAULT 0
);
CREATE INDEX emergency_plan_org ON emergency_plan (organization_id, id);

CREATE TABLE emergency_drill (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    title           VARCHAR(200) NOT NULL,
    drilled_on      DATE         NOT NULL,
    plan_id         BIGINT REFERENCES emergency_plan (id),
    kind            VARCHAR(20)  NOT NULL,
    participants    INT          NOT NULL CHECK (participants > 0),
    findings        TEXT,
    follow_ups      TEXT,
    created_by      BIGINT,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL DEFAULT 0
);
CREATE INDEX emergency_drill_org ON emergency_drill (organization_id, drilled_on);

CREATE TABLE rescue_team (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    members         INT          NOT NULL CHECK (members > 0),
    equipment       TEXT,
    contact_person  VARCHAR(50)  NOT NULL,
    contact_phone   VARCHAR(200) NOT NULL,
    created_by      BIGINT,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL DEFAULT 0
);
CREATE INDEX rescue_team_org ON rescue_team (organization_id, id);

CREATE TABLE emergency_material (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    name            VARCHAR(200)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    quantity        NUMERIC(14,2) NOT NULL CHECK (quantity >= 0),
    unit            VARCHAR(20)   NOT NULL,
    location        VARCHAR(200)  NOT NULL,
    keeper          VARCHAR(50)   NOT NULL,
    created_by      BIGINT,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    version         INT           NOT NULL DEFAULT 0
);
CREATE INDEX emergency_material_org ON emergency_material (organization_id, id);

CREATE TABLE disaster_informant (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    name            VARCHAR(50)  NOT NULL,
    area            VARCHAR(100) NOT NULL,
    phone           VARCHAR(200) NOT NULL,
    trained_on      DATE,
    created_by      BIGINT,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL DEFAULT 0
);
CREATE INDEX disaster_informant_org ON disaster_informant (organization_id, id);

-- enterprise_id is the registry's firm (asked through EnterpriseManagement, never joined); its name is kept as written.
CREATE TABLE liability_policy (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    insurer         VARCHAR(100)  NOT NULL,
    policy_number   VARCHAR(60)   NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE          NOT NULL,
    amount          NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    created_by      BIGINT,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT liability_policy_period CHECK (ends_on >= starts_on)
);
CREATE INDEX liability_policy_firm ON liability_policy (enterprise_id, ends_on);
CREATE INDEX liability_policy_org ON liability_policy (organization_id, ends_on);
CREATE UNIQUE INDEX liability_policy_number ON liability_policy (insurer, policy_number);
