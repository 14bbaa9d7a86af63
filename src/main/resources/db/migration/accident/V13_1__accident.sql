-- 生产安全事故: 快报/续报 (each report a row), investigation, 批复, the cases it called for, follow-up and evaluation.
CREATE TABLE accident (
    id                      BIGSERIAL PRIMARY KEY,
    organization_id         BIGINT       NOT NULL REFERENCES organization (id),
    enterprise_id           BIGINT       NOT NULL,
    enterprise_name         VARCHAR(200) NOT NULL,
    industry                VARCHAR(60),
    title                   VARCHAR(200) NOT NULL,
    occurred_at             TIMESTAMP    NOT NULL,
    received_at             TIMESTAMP    NOT NULL,
    forwarded_at            TIMESTAMP,
    place                   VARCHAR(300) NOT NULL,
    kind                    VARCHAR(40)  NOT NULL,
    deaths                  INT          NOT NULL,
    serious_injuries        INT          NOT NULL,
    missing                 INT          NOT NULL,
    direct_loss_yuan        NUMERIC(16, 2) NOT NULL,
    grade                   VARCHAR(20)  NOT NULL,
    summary                 TEXT         NOT NULL,
    status                  VARCHAR(30)  NOT NULL,
    investigation_body      VARCHAR(100),
    investigation_started_on DATE,
    investigation_extended  BOOLEAN      NOT NULL DEFAULT FALSE,
    extension_reason        VARCHAR(500),
    report_received_on      DATE,
    causes                  TEXT,
    unit_responsibility     TEXT,
    unit_responsible        BOOLEAN      NOT NULL DEFAULT FALSE,
    principal_name          VARCHAR(60),
    principal_income_yuan   NUMERIC(16, 2),
    person_responsibility   TEXT,
    recommended_penalties   TEXT,
    approval_extended       BOOLEAN      NOT NULL DEFAULT FALSE,
    approved_on             DATE,
    approval_text           TEXT,
    evaluated_on            DATE,
    evaluation_result       TEXT,
    typical                 BOOLEAN      NOT NULL DEFAULT FALSE,
    public_summary          TEXT,
    demo                    BOOLEAN      NOT NULL DEFAULT FALSE,
    version                 INT          NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX accident_org_occurred ON accident (organization_id, occurred_at DESC);

CREATE TABLE accident_report (
    accident_id       BIGINT      NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
    position          INT         NOT NULL,
    first             BOOLEAN     NOT NULL,
    reported_at       TIMESTAMP   NOT NULL,
    deaths            INT         NOT NULL,
    serious_injuries  INT         NOT NULL,
    missing           INT         NOT NULL,
    direct_loss_yuan  NUMERIC(16, 2) NOT NULL,
    grade             VARCHAR(20) NOT NULL,
    late              BOOLEAN     NOT NULL DEFAULT FALSE,
    note              TEXT,
    reported_by       VARCHAR(60) NOT NULL,
    PRIMARY KEY (accident_id, position)
);

CREATE TABLE accident_team_member (
    accident_id BIGINT       NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    unit        VARCHAR(200),
    PRIMARY KEY (accident_id, position)
);

CREATE TABLE accident_measure (
    accident_id      BIGINT       NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
    position         INT          NOT NULL,
    content          VARCHAR(1000) NOT NULL,
    responsible_unit VARCHAR(200) NOT NULL,
    due              DATE         NOT NULL,
    done_on          DATE,
    PRIMARY KEY (accident_id, position)
);

CREATE TABLE accident_case (
    accident_id BIGINT       NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    case_id     BIGINT       NOT NULL,
    party       VARCHAR(200) NOT NULL,
    article     VARCHAR(100) NOT NULL,
    suggestion  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (accident_id, position)
);
CREATE INDEX accident_case_case ON accident_case (case_id);
