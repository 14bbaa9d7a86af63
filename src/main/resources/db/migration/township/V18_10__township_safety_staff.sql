-- 专职安全员 of the townships: the register (term, area, trainings), their assisting visits to firms (recorded by a
-- township user on their behalf: they have no login) and the leads (线索) each finding becomes for a district officer.
-- They do not enforce: a lead is turned into an inspection task by the officer, or closed with a reason.
CREATE TABLE township_safety_staff (
    id              BIGSERIAL     PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    name            VARCHAR(30)   NOT NULL,
    phone           VARCHAR(200)  NOT NULL,
    area_kind       VARCHAR(20)   NOT NULL,
    area_name       VARCHAR(100)  NOT NULL,
    term_from       DATE          NOT NULL,
    term_to         DATE,
    status          VARCHAR(20)   NOT NULL DEFAULT 'ACTIVE',
    ended_on        DATE,
    end_reason      VARCHAR(500),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT township_safety_staff_area_check CHECK (area_kind IN ('VILLAGE', 'COMMUNITY', 'PARK')),
    CONSTRAINT township_safety_staff_status_check CHECK (status IN ('ACTIVE', 'ENDED')),
    CONSTRAINT township_safety_staff_term CHECK (term_to IS NULL OR term_to >= term_from),
    CONSTRAINT township_safety_staff_ended CHECK (status = 'ACTIVE' OR ended_on IS NOT NULL)
);
CREATE INDEX township_safety_staff_org_idx ON township_safety_staff (organization_id, status);

CREATE TABLE township_safety_staff_training (
    id         BIGSERIAL     PRIMARY KEY,
    staff_id   BIGINT        NOT NULL REFERENCES township_safety_staff (id) ON DELETE CASCADE,
    trained_on DATE          NOT NULL,
    topic      VARCHAR(200)  NOT NULL,
    hours      NUMERIC(5, 1) NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL,
    created_by VARCHAR(100)  NOT NULL,
    CONSTRAINT township_safety_staff_training_hours CHECK (hours > 0)
);
CREATE INDEX township_safety_staff_training_staff_idx ON township_safety_staff_training (staff_id, trained_on);

CREATE TABLE township_staff_visit (
    id              BIGSERIAL     PRIMARY KEY,
    staff_id        BIGINT        NOT NULL REFERENCES township_safety_staff (id) ON DELETE CASCADE,
    organization_id BIGINT        NOT NULL,
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    visited_on      DATE          NOT NULL,
    observations    VARCHAR(2000) NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL
);
CREATE INDEX township_staff_visit_staff_idx ON township_staff_visit (staff_id, visited_on);
CREATE INDEX township_staff_visit_org_idx ON township_staff_visit (organization_id, visited_on);

-- organization_id: the unit of the assigned officer (whose subtree sees the lead); township_id: where it was found.
CREATE TABLE township_lead (
    id              BIGSERIAL     PRIMARY KEY,
    visit_id        BIGINT        NOT NULL REFERENCES township_staff_visit (id) ON DELETE CASCADE,
    township_id     BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    finding         VARCHAR(500)  NOT NULL,
    assignee_id     BIGINT        NOT NULL,
    assignee_name   VARCHAR(30)   NOT NULL,
    status          VARCHAR(20)   NOT NULL DEFAULT 'OPEN',
    task_id         BIGINT,
    close_reason    VARCHAR(500),
    handled_on      DATE,
    handled_by      VARCHAR(100),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT township_lead_status_check CHECK (status IN ('OPEN', 'INSPECTION', 'CLOSED')),
    CONSTRAINT township_lead_task CHECK (status <> 'INSPECTION' OR task_id IS NOT NULL),
    CONSTRAINT township_lead_reason CHECK (status <> 'CLOSED' OR close_reason IS NOT NULL)
);
CREATE INDEX township_lead_assignee_idx ON township_lead (assignee_id, status);
CREATE INDEX township_lead_org_idx ON township_lead (organization_id, status);
CREATE INDEX township_lead_township_idx ON township_lead (township_id, status);
