-- 执法 + 普法 + 服务 (issue 20): 普法 activities, the expert register, 帮扶 visits to firms with the experts and officers
-- who joined, and the 提示函 / 警示函 issued to firms (the document itself lives in the documents module).

CREATE TABLE outreach_activity (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    kind            VARCHAR(20)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    held_on         DATE          NOT NULL,
    place           VARCHAR(200)  NOT NULL,
    organizer       VARCHAR(200)  NOT NULL,
    units_reached   INT           NOT NULL DEFAULT 0 CHECK (units_reached >= 0),
    people_reached  INT           NOT NULL CHECK (people_reached >= 0),
    note            VARCHAR(1000),
    recorded_by     BIGINT        NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX outreach_activity_org_held ON outreach_activity (organization_id, held_on);

-- phone is sealed with FieldCipher (outreach_expert.phone), see OutreachPersonalData
CREATE TABLE outreach_expert (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    name            VARCHAR(50)   NOT NULL,
    field           VARCHAR(100)  NOT NULL,
    work_unit       VARCHAR(200)  NOT NULL,
    phone           VARCHAR(200),
    recorded_by     BIGINT        NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX outreach_expert_org ON outreach_expert (organization_id);

CREATE TABLE outreach_visit (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    visited_on      DATE          NOT NULL,
    problems        VARCHAR(2000) NOT NULL,
    advice          VARCHAR(2000) NOT NULL,
    recorded_by     BIGINT        NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX outreach_visit_org_on ON outreach_visit (organization_id, visited_on);
CREATE INDEX outreach_visit_firm ON outreach_visit (enterprise_id);

CREATE TABLE outreach_visit_expert (
    visit_id  BIGINT NOT NULL REFERENCES outreach_visit (id) ON DELETE CASCADE,
    expert_id BIGINT NOT NULL REFERENCES outreach_expert (id),
    PRIMARY KEY (visit_id, expert_id)
);

CREATE TABLE outreach_visit_officer (
    visit_id     BIGINT       NOT NULL REFERENCES outreach_visit (id) ON DELETE CASCADE,
    officer_id   BIGINT       NOT NULL,
    officer_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (visit_id, officer_id)
);

CREATE TABLE outreach_letter (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('TIP', 'WARNING')),
    issued_on       DATE          NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    document_id     BIGINT        NOT NULL,
    document_number VARCHAR(100),
    source_key      VARCHAR(100)  NOT NULL UNIQUE,
    recorded_by     BIGINT        NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX outreach_letter_org_on ON outreach_letter (organization_id, issued_on);
CREATE INDEX outreach_letter_firm ON outreach_letter (enterprise_id);
