-- Planning: 分类分级 rules and results, annual plans, recusals, 抽查事项 and verifiable 双随机 draws.

-- What grading needs beyond the registry: credit grade (until the credit module supplies it), accidents and
-- penalty cases in the look-back years (until inspection/casework report them).
CREATE TABLE planning_enterprise_record (
  enterprise_id       BIGINT PRIMARY KEY,
  credit_grade        VARCHAR(20)  NOT NULL DEFAULT '未评定',
  recent_accidents    INT          NOT NULL DEFAULT 0,
  recent_cases        INT          NOT NULL DEFAULT 0,
  demo                BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE planning_grading_rule (
  id                BIGSERIAL PRIMARY KEY,
  organization_id   BIGINT       NOT NULL,
  year              INT          NOT NULL,
  priority          INT          NOT NULL,
  name              VARCHAR(60)  NOT NULL,
  any_risk_feature  VARCHAR(200) NOT NULL DEFAULT '',
  max_hazard_grade  INT,
  credit_grades     VARCHAR(100) NOT NULL DEFAULT '',
  min_accidents     INT,
  min_cases         INT,
  whitelisted       BOOLEAN,
  grade             VARCHAR(1)   NOT NULL,
  annual_frequency  INT          NOT NULL,
  level             VARCHAR(10)  NOT NULL,
  CONSTRAINT planning_grading_rule_grade_check CHECK (grade IN ('A','B','C','D')),
  CONSTRAINT planning_grading_rule_level_check CHECK (level IN ('CITY','DISTRICT','TOWNSHIP'))
);
CREATE INDEX planning_grading_rule_year_idx ON planning_grading_rule (organization_id, year, priority);

CREATE TABLE planning_grading (
  enterprise_id     BIGINT      NOT NULL,
  year              INT         NOT NULL,
  organization_id   BIGINT      NOT NULL,
  grade             VARCHAR(1)  NOT NULL,
  annual_frequency  INT         NOT NULL,
  level             VARCHAR(10) NOT NULL,
  rule_id           BIGINT,
  rule_name         VARCHAR(60) NOT NULL,
  reasons           VARCHAR(500) NOT NULL,
  graded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (enterprise_id, year)
);
CREATE INDEX planning_grading_org_idx ON planning_grading (organization_id, year);

CREATE SEQUENCE planning_plan_id_seq;
CREATE TABLE planning_plan (
  id                BIGINT PRIMARY KEY,
  organization_id   BIGINT       NOT NULL,
  year              INT          NOT NULL,
  title             VARCHAR(100) NOT NULL,
  status            VARCHAR(20)  NOT NULL,
  random_ratio      NUMERIC(5,2) NOT NULL DEFAULT 0,
  random_count      INT          NOT NULL DEFAULT 0,
  meeting_date      DATE,
  meeting_record    VARCHAR(2000),
  approved_by       BIGINT,
  approved_by_name  VARCHAR(30),
  approved_at       TIMESTAMP WITH TIME ZONE,
  filed_with        VARCHAR(60),
  filed_at          TIMESTAMP WITH TIME ZONE,
  published_at      TIMESTAMP WITH TIME ZONE,
  version           INT          NOT NULL DEFAULT 0,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT planning_plan_status_check CHECK (status IN ('DRAFT','DELIBERATED','APPROVED','FILED','PUBLISHED'))
);
CREATE UNIQUE INDEX planning_plan_org_year_uq ON planning_plan (organization_id, year);

CREATE TABLE planning_plan_item (
  plan_id          BIGINT       NOT NULL REFERENCES planning_plan (id) ON DELETE CASCADE,
  position         INT          NOT NULL,
  enterprise_id    BIGINT       NOT NULL,
  enterprise_name  VARCHAR(100) NOT NULL,
  grade            VARCHAR(1)   NOT NULL,
  planned_visits   INT          NOT NULL,
  months           VARCHAR(40)  NOT NULL DEFAULT '',
  department_id    BIGINT,
  officer_user_id  BIGINT,
  campaign_code    VARCHAR(20),
  PRIMARY KEY (plan_id, position)
);
CREATE INDEX planning_plan_item_enterprise_idx ON planning_plan_item (enterprise_id);

CREATE TABLE planning_campaign (
  plan_id   BIGINT       NOT NULL REFERENCES planning_plan (id) ON DELETE CASCADE,
  position  INT          NOT NULL,
  code      VARCHAR(20)  NOT NULL,
  kind      VARCHAR(20)  NOT NULL,
  name      VARCHAR(60)  NOT NULL,
  basis     VARCHAR(200),
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE planning_amendment (
  plan_id      BIGINT        NOT NULL REFERENCES planning_plan (id) ON DELETE CASCADE,
  position     INT           NOT NULL,
  number       INT           NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  description  VARCHAR(500)  NOT NULL,
  amended_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  amended_by   VARCHAR(30)   NOT NULL,
  PRIMARY KEY (plan_id, position)
);

-- Done visits reported by the inspection module (VisitCompleted), for completion tracking.
CREATE TABLE planning_visit (
  id               BIGSERIAL PRIMARY KEY,
  enterprise_id    BIGINT      NOT NULL,
  organization_id  BIGINT      NOT NULL,
  plan_id          BIGINT,
  draw_id          BIGINT,
  visit_date       DATE        NOT NULL,
  kind             VARCHAR(20) NOT NULL,
  source_ref       VARCHAR(60) NOT NULL,
  CONSTRAINT planning_visit_source_uq UNIQUE (source_ref)
);
CREATE INDEX planning_visit_enterprise_idx ON planning_visit (enterprise_id, visit_date);

-- Inspections scheduled beyond the plan (with the legal exception when above the annual cap).
CREATE TABLE planning_extra_inspection (
  id               BIGSERIAL PRIMARY KEY,
  enterprise_id    BIGINT       NOT NULL,
  organization_id  BIGINT       NOT NULL,
  year             INT          NOT NULL,
  planned_date     DATE         NOT NULL,
  exception        VARCHAR(30),
  exception_note   VARCHAR(200),
  created_by       VARCHAR(30)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX planning_extra_inspection_idx ON planning_extra_inspection (enterprise_id, year);

-- Declared officer–firm conflicts of interest (回避).
CREATE TABLE planning_recusal (
  id                BIGSERIAL PRIMARY KEY,
  officer_user_id   BIGINT       NOT NULL,
  enterprise_id     BIGINT       NOT NULL,
  organization_id   BIGINT       NOT NULL,
  reason            VARCHAR(200) NOT NULL,
  declared_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT planning_recusal_uq UNIQUE (officer_user_id, enterprise_id)
);

-- 抽查事项 (the inspection items of the 随机抽查事项清单) with their legal basis.
CREATE TABLE planning_check_item (
  id               BIGSERIAL PRIMARY KEY,
  organization_id  BIGINT       NOT NULL,
  code             VARCHAR(20)  NOT NULL,
  name             VARCHAR(100) NOT NULL,
  legal_basis      VARCHAR(300) NOT NULL,
  CONSTRAINT planning_check_item_uq UNIQUE (organization_id, code)
);

CREATE SEQUENCE planning_draw_id_seq;
CREATE TABLE planning_draw (
  id                BIGINT PRIMARY KEY,
  organization_id   BIGINT        NOT NULL,
  officer_org_id    BIGINT        NOT NULL,
  mode              VARCHAR(10)   NOT NULL,
  item_code         VARCHAR(20)   NOT NULL,
  item_name         VARCHAR(100)  NOT NULL,
  legal_basis       VARCHAR(300)  NOT NULL,
  month             VARCHAR(7)    NOT NULL,
  pool_description  VARCHAR(300)  NOT NULL,
  draw_count        INT           NOT NULL,
  team_size         INT           NOT NULL,
  status            VARCHAR(10)   NOT NULL,
  candidates        TEXT          NOT NULL,
  candidate_hash    VARCHAR(64)   NOT NULL,
  commitment        VARCHAR(64)   NOT NULL,
  secret            VARCHAR(64)   NOT NULL,
  seed              VARCHAR(64),
  result            TEXT,
  result_hash       VARCHAR(64),
  names             TEXT          NOT NULL,
  frozen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  frozen_by         VARCHAR(30)   NOT NULL,
  drawn_at          TIMESTAMP WITH TIME ZONE,
  void_reason       VARCHAR(300),
  voided_at         TIMESTAMP WITH TIME ZONE,
  version           INT           NOT NULL DEFAULT 0,
  CONSTRAINT planning_draw_status_check CHECK (status IN ('FROZEN','DRAWN','VOIDED')),
  CONSTRAINT planning_draw_mode_check CHECK (mode IN ('OWN','CROSS','JOINT'))
);
CREATE INDEX planning_draw_org_month_idx ON planning_draw (organization_id, month);

CREATE TABLE planning_draw_task (
  draw_id          BIGINT       NOT NULL REFERENCES planning_draw (id) ON DELETE CASCADE,
  position         INT          NOT NULL,
  enterprise_id    BIGINT       NOT NULL,
  officer_ids      VARCHAR(200) NOT NULL,
  joint_ids        VARCHAR(200) NOT NULL DEFAULT '',
  PRIMARY KEY (draw_id, position)
);
CREATE INDEX planning_draw_task_enterprise_idx ON planning_draw_task (enterprise_id);
