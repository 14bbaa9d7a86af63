-- registry: the enterprise library (企业库), its change history and timeline read model, third-party
-- agencies, officers' 执法证 with their events and training, technical inspectors and social supervisors.
-- Only core PostgreSQL (arrays + GIN, partial unique index): no extension is needed for search.

CREATE TABLE enterprise (
  id                      BIGSERIAL PRIMARY KEY,
  uscc                    VARCHAR(18)  NOT NULL,
  name                    VARCHAR(100) NOT NULL,
  -- name without suffixes, brackets and blanks: equal keys in one town are merge candidates
  name_key                VARCHAR(100) NOT NULL,
  -- pinyin initials of the name, lower case (e.g. 华兴化工 → hxhg)
  name_initials           VARCHAR(100) NOT NULL,
  -- search tokens: name bigrams, and '#'-prefixed bigrams of the initials (GIN-indexed, 2-character search)
  search_grams            VARCHAR(8)[] NOT NULL,
  legal_representative    VARCHAR(30)  NOT NULL,
  legal_representative_id VARCHAR(18),
  principal_leader        VARCHAR(30),
  principal_phone         VARCHAR(20),
  safety_manager          VARCHAR(30),
  safety_phone            VARCHAR(20),
  registered_address      VARCHAR(200),
  operating_address       VARCHAR(200),
  town_code               VARCHAR(12)  NOT NULL,
  industry_section        CHAR(1)      NOT NULL,
  industry_division       CHAR(2)      NOT NULL,
  employees               INT          NOT NULL CHECK (employees >= 0),
  annual_output           NUMERIC(16, 2) CHECK (annual_output >= 0),
  status                  VARCHAR(12)  NOT NULL CHECK (status IN ('OPERATING', 'SUSPENDED', 'CANCELLED')),
  risk_features           VARCHAR(32)[] NOT NULL DEFAULT '{}',
  major_hazard_grade      SMALLINT CHECK (major_hazard_grade BETWEEN 1 AND 4),
  whitelisted             BOOLEAN      NOT NULL DEFAULT FALSE,
  supervision_level       VARCHAR(10)  NOT NULL CHECK (supervision_level IN ('CITY', 'DISTRICT', 'TOWNSHIP')),
  organization_id         BIGINT       NOT NULL,
  merged_into             BIGINT REFERENCES enterprise (id),
  demo                    BOOLEAN      NOT NULL DEFAULT FALSE,
  version                 INT          NOT NULL DEFAULT 0,
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
-- one active (not merged) record per USCC
CREATE UNIQUE INDEX enterprise_uscc_uq ON enterprise (uscc) WHERE merged_into IS NULL;
CREATE INDEX enterprise_org_idx ON enterprise (organization_id, id);
CREATE INDEX enterprise_town_idx ON enterprise (town_code varchar_pattern_ops, id);
CREATE INDEX enterprise_division_idx ON enterprise (industry_division, id);
CREATE INDEX enterprise_section_idx ON enterprise (industry_section, id);
CREATE INDEX enterprise_status_idx ON enterprise (status, id);
CREATE INDEX enterprise_name_idx ON enterprise (name, id);
CREATE INDEX enterprise_employees_idx ON enterprise (employees, id);
CREATE INDEX enterprise_name_key_idx ON enterprise (town_code, name_key);
CREATE INDEX enterprise_risk_gin ON enterprise USING GIN (risk_features);
CREATE INDEX enterprise_grams_gin ON enterprise USING GIN (search_grams);

-- who changed which field, when (import, form, merge, status)
CREATE TABLE enterprise_change (
  id            BIGSERIAL PRIMARY KEY,
  enterprise_id BIGINT       NOT NULL REFERENCES enterprise (id),
  field         VARCHAR(40)  NOT NULL,
  old_value     VARCHAR(400),
  new_value     VARCHAR(400),
  changed_by    VARCHAR(40)  NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  source        VARCHAR(20)  NOT NULL
);
CREATE INDEX enterprise_change_enterprise_idx ON enterprise_change (enterprise_id, changed_at DESC);

-- the profile timeline: entries other modules publish (EnterpriseTimelineEntry), never read from their tables
CREATE TABLE enterprise_timeline (
  id            BIGSERIAL PRIMARY KEY,
  enterprise_id BIGINT       NOT NULL,
  occurred_on   DATE         NOT NULL,
  source        VARCHAR(20)  NOT NULL,
  title         VARCHAR(200) NOT NULL,
  link          VARCHAR(300) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX enterprise_timeline_uq ON enterprise_timeline (enterprise_id, source, occurred_on, title, link);

-- enforcement acts reported by later modules (EnforcementActRecorded), for the participation rate
CREATE TABLE enforcement_act (
  user_id       BIGINT      NOT NULL,
  enterprise_id BIGINT      NOT NULL,
  occurred_on   DATE        NOT NULL,
  kind          VARCHAR(30) NOT NULL,
  PRIMARY KEY (user_id, enterprise_id, occurred_on, kind)
);
CREATE INDEX enforcement_act_date_idx ON enforcement_act (occurred_on);

-- import jobs: progress and the error report
CREATE TABLE enterprise_import (
  id            BIGSERIAL PRIMARY KEY,
  file_name     VARCHAR(200) NOT NULL,
  status        VARCHAR(12)  NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
  total_rows    INT          NOT NULL DEFAULT 0,
  done_rows     INT          NOT NULL DEFAULT 0,
  created_count INT          NOT NULL DEFAULT 0,
  updated_count INT          NOT NULL DEFAULT 0,
  error_count   INT          NOT NULL DEFAULT 0,
  message       VARCHAR(500),
  error_report  BYTEA,
  started_by    VARCHAR(40)  NOT NULL,
  organization_id BIGINT     NOT NULL,
  started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at   TIMESTAMP WITH TIME ZONE
);

-- 第三方机构 (安全评价/检测检验/培训/咨询) and the enterprises they serve (一企双查)
CREATE TABLE agency (
  id               BIGSERIAL PRIMARY KEY,
  name             VARCHAR(100) NOT NULL,
  uscc             VARCHAR(18)  NOT NULL UNIQUE,
  kind             VARCHAR(12)  NOT NULL CHECK (kind IN ('EVALUATION', 'TESTING', 'TRAINING', 'CONSULTING')),
  qualification_no VARCHAR(50)  NOT NULL,
  grade            VARCHAR(10)  NOT NULL,
  status           VARCHAR(12)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
  valid_until      DATE,
  organization_id  BIGINT       NOT NULL,
  demo             BOOLEAN      NOT NULL DEFAULT FALSE,
  version          INT          NOT NULL DEFAULT 0
);
CREATE TABLE agency_client (
  agency_id     BIGINT      NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
  enterprise_id BIGINT      NOT NULL REFERENCES enterprise (id),
  service       VARCHAR(60) NOT NULL,
  since         DATE        NOT NULL,
  PRIMARY KEY (agency_id, enterprise_id, service)
);
CREATE INDEX agency_client_enterprise_idx ON agency_client (enterprise_id);

-- 行政执法证 of officers (users) with its lifecycle events
CREATE TABLE officer_certificate (
  id                BIGSERIAL PRIMARY KEY,
  user_id           BIGINT       NOT NULL,
  officer_name      VARCHAR(30)  NOT NULL,
  organization_id   BIGINT       NOT NULL,
  certificate_no    VARCHAR(30)  NOT NULL UNIQUE,
  issuing_authority VARCHAR(60)  NOT NULL,
  issued_on         DATE         NOT NULL,
  expires_on        DATE         NOT NULL,
  status            VARCHAR(12)  NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED')),
  status_reason     VARCHAR(200),
  status_since      DATE         NOT NULL,
  town_code         VARCHAR(12),
  demo              BOOLEAN      NOT NULL DEFAULT FALSE,
  version           INT          NOT NULL DEFAULT 0,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT officer_certificate_dates CHECK (expires_on > issued_on)
);
CREATE INDEX officer_certificate_user_idx ON officer_certificate (user_id);
CREATE INDEX officer_certificate_org_idx ON officer_certificate (organization_id);
-- an officer holds at most one certificate that is not revoked
CREATE UNIQUE INDEX officer_certificate_current_uq ON officer_certificate (user_id) WHERE status <> 'REVOKED';

CREATE TABLE certificate_event (
  officer_certificate BIGINT      NOT NULL REFERENCES officer_certificate (id) ON DELETE CASCADE,
  seq                 INT         NOT NULL,
  kind                VARCHAR(12) NOT NULL CHECK (kind IN ('ISSUED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED')),
  occurred_on         DATE        NOT NULL,
  reason              VARCHAR(200),
  PRIMARY KEY (officer_certificate, seq)
);
CREATE INDEX certificate_event_date_idx ON certificate_event (kind, occurred_on);

CREATE TABLE officer_training (
  id           BIGSERIAL PRIMARY KEY,
  user_id      BIGINT       NOT NULL,
  course       VARCHAR(100) NOT NULL,
  hours        NUMERIC(5, 1) NOT NULL CHECK (hours > 0),
  exam_score   NUMERIC(5, 1) CHECK (exam_score BETWEEN 0 AND 100),
  completed_on DATE         NOT NULL,
  demo         BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX officer_training_user_idx ON officer_training (user_id, completed_on DESC);

-- 技术检查员 and 社会监督员 (3-year term); social supervisors are listed publicly
CREATE TABLE supervisor (
  id              BIGSERIAL PRIMARY KEY,
  kind            VARCHAR(12)  NOT NULL CHECK (kind IN ('TECHNICAL', 'SOCIAL')),
  name            VARCHAR(30)  NOT NULL,
  id_number       VARCHAR(18),
  employer        VARCHAR(100),
  phone           VARCHAR(20),
  organization_id BIGINT       NOT NULL,
  term_start      DATE         NOT NULL,
  term_end        DATE         NOT NULL,
  demo            BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT supervisor_term CHECK (term_end > term_start)
);
