-- The organisation tree (省 → 市 → 区县 → 街道乡镇, plus 支队/科室/功能区) and its users.
CREATE TABLE organization (
  id             BIGSERIAL PRIMARY KEY,
  parent_id      BIGINT REFERENCES organization (id),
  name           VARCHAR(60)  NOT NULL,
  short_name     VARCHAR(20),
  kind           VARCHAR(20)  NOT NULL,
  division_code  VARCHAR(12),
  path           VARCHAR(2000) NOT NULL,
  sort_order     INT          NOT NULL DEFAULT 0,
  demo           BOOLEAN      NOT NULL DEFAULT FALSE,
  version        INT          NOT NULL DEFAULT 0,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT organization_kind_check CHECK (kind IN ('PROVINCE','CITY','DISTRICT','TOWNSHIP','DETACHMENT','DEPARTMENT','ZONE'))
);
CREATE UNIQUE INDEX organization_sibling_name_uq ON organization (COALESCE(parent_id, 0), name);
CREATE INDEX organization_path_idx ON organization (path varchar_pattern_ops);

CREATE TABLE app_user (
  id                  BIGSERIAL PRIMARY KEY,
  username            VARCHAR(40)  NOT NULL,
  display_name        VARCHAR(30)  NOT NULL,
  password_hash       VARCHAR(100) NOT NULL,
  organization_id     BIGINT       NOT NULL REFERENCES organization (id),
  phone               VARCHAR(20),
  enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_attempts     INT          NOT NULL DEFAULT 0,
  locked_until        TIMESTAMP WITH TIME ZONE,
  password_changed_at TIMESTAMP WITH TIME ZONE,
  demo                BOOLEAN      NOT NULL DEFAULT FALSE,
  version             INT          NOT NULL DEFAULT 0,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (LOWER(username));
CREATE INDEX app_user_organization_idx ON app_user (organization_id);

CREATE TABLE user_role (
  app_user BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role     VARCHAR(20) NOT NULL,
  PRIMARY KEY (app_user, role),
  CONSTRAINT user_role_check CHECK (role IN ('OFFICER','LEADER','LEGAL','SUPERVISOR','ADMIN','SECURITY_ADMIN','AUDITOR'))
);

-- One row: the password, lockout and session policy that SECURITY_ADMIN sets.
CREATE TABLE security_policy (
  id                       INT PRIMARY KEY CHECK (id = 1),
  password_min_length      INT NOT NULL,
  password_min_classes     INT NOT NULL,
  lockout_threshold        INT NOT NULL,
  lockout_minutes          INT NOT NULL,
  session_idle_minutes     INT NOT NULL,
  token_ttl_minutes        INT NOT NULL,
  version                  INT NOT NULL DEFAULT 0,
  updated_at               TIMESTAMP WITH TIME ZONE,
  updated_by               VARCHAR(40)
);
-- 等保 2.0 common practice: 8+ characters of 3 classes, lock after 5 failures for 15 minutes, 30-minute idle timeout.
INSERT INTO security_policy (id, password_min_length, password_min_classes, lockout_threshold, lockout_minutes,
                             session_idle_minutes, token_ttl_minutes)
VALUES (1, 8, 3, 5, 15, 30, 480);

-- API tokens for terminals: only the SHA-256 of the token is stored.
CREATE TABLE api_token (
  token_hash  CHAR(64) PRIMARY KEY,
  app_user    BIGINT   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_token_user_idx ON api_token (app_user);
