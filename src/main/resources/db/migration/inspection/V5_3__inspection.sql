-- Checklist templates: each revision is its own row (version); a record keeps the revision it used.
CREATE TABLE checklist_template (
    id             BIGSERIAL PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL,
    version        INTEGER      NOT NULL,
    title          VARCHAR(200) NOT NULL,
    industry       VARCHAR(40)  NOT NULL,
    topic          VARCHAR(40)  NOT NULL,
    standard       VARCHAR(200),
    current        BOOLEAN      NOT NULL,
    change_reason  VARCHAR(500),
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX checklist_template_one_current ON checklist_template (code) WHERE current;

CREATE TABLE checklist_item (
    template_id    BIGINT       NOT NULL REFERENCES checklist_template (id),
    position       INTEGER      NOT NULL,
    code           VARCHAR(20)  NOT NULL,
    content        VARCHAR(1000) NOT NULL,
    legal_basis    VARCHAR(500) NOT NULL,
    major          BOOLEAN      NOT NULL,
    criterion      VARCHAR(200),
    applies_to     VARCHAR(100),
    verification   CHAR(1)      NOT NULL DEFAULT 'V',
    PRIMARY KEY (template_id, position)
);

-- Inspection tasks (from a plan, a draw, a campaign, a complaint, an accident, or ad hoc).
CREATE TABLE inspection_task (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    source          VARCHAR(20)  NOT NULL,
    source_ref      VARCHAR(100),
    enterprise_id   BIGINT       NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    mode            VARCHAR(10)  NOT NULL,
    due_month       DATE         NOT NULL,
    template_id     BIGINT       REFERENCES checklist_template (id),
    notice_required BOOLEAN      NOT NULL DEFAULT FALSE,
    notice_method   VARCHAR(40),
    notice_sent_at  TIMESTAMPTZ,
    notice_content  VARCHAR(1000),
    status          VARCHAR(15)  NOT NULL,
    created_by      BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INTEGER      NOT NULL
);
CREATE INDEX inspection_task_org ON inspection_task (organization_id, due_month);

CREATE TABLE inspection_task_member (
    inspection_task BIGINT NOT NULL REFERENCES inspection_task (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    user_id         BIGINT NOT NULL,
    PRIMARY KEY (inspection_task, position)
);
CREATE INDEX inspection_task_member_user ON inspection_task_member (user_id);

-- 现场检查记录: submitted once, then immutable; a correction is a new version with a reason.
CREATE TABLE inspection_record (
    id                  BIGSERIAL PRIMARY KEY,
    task_id             BIGINT       NOT NULL REFERENCES inspection_task (id),
    organization_id     BIGINT       NOT NULL,
    enterprise_id       BIGINT       NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    kind                VARCHAR(10)  NOT NULL,
    mode                VARCHAR(10)  NOT NULL,
    template_id         BIGINT       NOT NULL REFERENCES checklist_template (id),
    place               VARCHAR(300),
    started_at          TIMESTAMPTZ  NOT NULL,
    ended_at            TIMESTAMPTZ,
    latitude            NUMERIC(9, 6),
    longitude           NUMERIC(9, 6),
    representative_name VARCHAR(50),
    representative_title VARCHAR(50),
    representative_phone VARCHAR(30),
    findings            VARCHAR(4000),
    deadline_confirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
    status              VARCHAR(12)  NOT NULL,
    record_version      INTEGER      NOT NULL,
    supersedes_id       BIGINT       REFERENCES inspection_record (id),
    correction_reason   VARCHAR(500),
    created_by          BIGINT       NOT NULL,
    submitted_by        BIGINT,
    submitted_at        TIMESTAMPTZ,
    demo                BOOLEAN      NOT NULL DEFAULT FALSE,
    version             INTEGER      NOT NULL
);
CREATE INDEX inspection_record_org ON inspection_record (organization_id, status);
CREATE INDEX inspection_record_task ON inspection_record (task_id);

CREATE TABLE inspection_record_member (
    inspection_record BIGINT NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    user_id           BIGINT NOT NULL,
    display_name      VARCHAR(50) NOT NULL,
    PRIMARY KEY (inspection_record, position)
);

CREATE TABLE inspection_item_result (
    inspection_record BIGINT NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    code              VARCHAR(20) NOT NULL,
    content           VARCHAR(1000) NOT NULL,
    legal_basis       VARCHAR(500) NOT NULL,
    major             BOOLEAN NOT NULL,
    result            VARCHAR(15),
    note              VARCHAR(1000),
    location          VARCHAR(200),
    rectify_by        DATE,
    immediate_measure VARCHAR(1000),
    PRIMARY KEY (inspection_record, position)
);

CREATE TABLE inspection_record_photo (
    inspection_record BIGINT NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    evidence_id       BIGINT NOT NULL,
    item_code         VARCHAR(20),
    PRIMARY KEY (inspection_record, evidence_id)
);

CREATE TABLE inspection_signature (
    inspection_record BIGINT NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    signer_role       VARCHAR(15) NOT NULL,
    user_id           BIGINT,
    signer_name       VARCHAR(50) NOT NULL,
    png               BYTEA,
    sha256            CHAR(64),
    refused           BOOLEAN NOT NULL,
    witness           VARCHAR(50),
    signed_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (inspection_record, position)
);

-- A submitted record never changes except to be superseded by its correction.
CREATE FUNCTION inspection_record_guard() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND NOT (OLD.status = 'SUBMITTED' AND NEW.status = 'SUPERSEDED') THEN
        RAISE EXCEPTION '已提交的现场检查记录不可修改';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER inspection_record_immutable BEFORE UPDATE ON inspection_record
    FOR EACH ROW EXECUTE FUNCTION inspection_record_guard();
