-- Credit: facts per firm (fed by other modules' events) and the dated, ADMIN-editable credit-grade rule table.

CREATE TABLE credit_fact (
  id               BIGSERIAL PRIMARY KEY,
  enterprise_id    BIGINT        NOT NULL,
  kind             VARCHAR(30)   NOT NULL,
  source_ref       VARCHAR(60)   NOT NULL,
  occurred_on      DATE          NOT NULL,
  fine_yuan        NUMERIC(14,2),
  accident_grade   VARCHAR(20),
  title            VARCHAR(300)  NOT NULL,
  recorded_at      TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  demo             BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT credit_fact_kind_check CHECK (kind IN ('PENALTY','MAJOR_HAZARD','MAJOR_HAZARD_OVERDUE','ACCIDENT')),
  CONSTRAINT credit_fact_once UNIQUE (kind, source_ref)
);
CREATE INDEX credit_fact_enterprise_idx ON credit_fact (enterprise_id, occurred_on);

-- One row of the rule table in force from effective_from (the version with the latest effective_from on or before
-- a day applies). Every condition set must hold within the look-back; the first row by priority gives the grade.
CREATE TABLE credit_rule (
  id                         BIGSERIAL PRIMARY KEY,
  effective_from             DATE          NOT NULL,
  priority                   INT           NOT NULL,
  name                       VARCHAR(60)   NOT NULL,
  grade                      VARCHAR(20)   NOT NULL,
  lookback_months            INT           NOT NULL DEFAULT 36,
  listed                     BOOLEAN,
  min_accidents              INT,
  min_penalties              INT,
  min_fine_yuan              NUMERIC(14,2),
  min_major_hazards          INT,
  min_overdue_major_hazards  INT,
  CONSTRAINT credit_rule_grade_check CHECK (grade IN ('良好','一般','较差','严重失信')),
  CONSTRAINT credit_rule_lookback_check CHECK (lookback_months BETWEEN 1 AND 120)
);
CREATE INDEX credit_rule_version_idx ON credit_rule (effective_from, priority);

-- The starting table (local policy, 按本地规定配置), in force with 部令第11号.
INSERT INTO credit_rule (effective_from, priority, name, grade, lookback_months, listed, min_accidents, min_penalties,
                         min_fine_yuan, min_major_hazards, min_overdue_major_hazards) VALUES
  ('2023-10-01', 10, '列入严重失信主体名单', '严重失信', 36, TRUE, NULL, NULL, NULL, NULL, NULL),
  ('2023-10-01', 20, '近三年发生生产安全事故', '较差', 36, NULL, 1, NULL, NULL, NULL, NULL),
  ('2023-10-01', 30, '近三年重大事故隐患逾期未整改', '较差', 36, NULL, NULL, NULL, NULL, NULL, 1),
  ('2023-10-01', 40, '近三年罚款累计 10 万元以上', '较差', 36, NULL, NULL, NULL, 100000.00, NULL, NULL),
  ('2023-10-01', 50, '近三年受过行政处罚', '一般', 36, NULL, NULL, 1, NULL, NULL, NULL),
  ('2023-10-01', 60, '近三年发现重大事故隐患', '一般', 36, NULL, NULL, NULL, NULL, 1, NULL),
  ('2023-10-01', 99, '其他企业', '良好', 36, NULL, NULL, NULL, NULL, NULL, NULL);

-- 严重失信主体名单 (应急管理部令第11号): proposal → 告知 (陈述申辩) → 列入决定 → publication → removal.
CREATE TABLE credit_listing (
  id                     BIGSERIAL PRIMARY KEY,
  enterprise_id          BIGINT        NOT NULL,
  enterprise_name        VARCHAR(200)  NOT NULL,
  uscc                   VARCHAR(18),
  organization_id        BIGINT        NOT NULL,
  authority              VARCHAR(100)  NOT NULL,
  ground_code            VARCHAR(20)   NOT NULL,
  ground_text            VARCHAR(300)  NOT NULL,
  case_id                BIGINT,
  case_reference         VARCHAR(100),
  status                 VARCHAR(20)   NOT NULL,
  proposed_on            DATE          NOT NULL,
  notified_on            DATE,
  statement_due          DATE,
  statement              TEXT,
  decided_on             DATE,
  decision_number        VARCHAR(100),
  decision_document_id   BIGINT,
  expires_on             DATE,
  early_removal_from     DATE,
  removed_on             DATE,
  removal_kind           VARCHAR(20),
  removal_reason         TEXT,
  publication_stop_due   DATE,
  publication_stopped_on DATE,
  dropped_reason         TEXT,
  demo                   BOOLEAN       NOT NULL DEFAULT FALSE,
  version                INT           NOT NULL DEFAULT 0,
  CONSTRAINT credit_listing_status_check CHECK (status IN ('PROPOSED','NOTIFIED','LISTED','REMOVED','DROPPED')),
  CONSTRAINT credit_listing_removal_check CHECK (removal_kind IS NULL OR removal_kind IN ('EXPIRED','REPAIRED'))
);
CREATE INDEX credit_listing_enterprise_idx ON credit_listing (enterprise_id, status);
CREATE UNIQUE INDEX credit_listing_case_ground_once ON credit_listing (case_id, ground_code) WHERE case_id IS NOT NULL;
