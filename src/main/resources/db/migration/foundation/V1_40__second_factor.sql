-- issue 14: a second factor (TOTP, RFC 6238) per account, confirmed by a first code; the last accepted step is
-- kept so a code is never accepted twice. Recovery codes are kept as SHA-256 hashes, each usable once.
CREATE TABLE second_factor (
  app_user    BIGINT PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  secret      VARCHAR(64) NOT NULL,
  confirmed   BOOLEAN     NOT NULL DEFAULT FALSE,
  last_step   BIGINT      NOT NULL DEFAULT 0,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE recovery_code (
  id         BIGSERIAL PRIMARY KEY,
  app_user   BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash  VARCHAR(64) NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_user_idx ON recovery_code (app_user);
