-- issue 14: a password set by an administrator (initial or reset) must be changed at the next login;
-- the last passwords are kept (hashes only) so a change cannot reuse them.
ALTER TABLE app_user ADD COLUMN password_must_change BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE password_history (
  id            BIGSERIAL PRIMARY KEY,
  app_user      BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  password_hash VARCHAR(100) NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX password_history_user_idx ON password_history (app_user, changed_at DESC);

-- 三员分立: a grant of a 三员 role, or a password reset of a 三员 account, waits for the other administrator.
CREATE TABLE administrator_approval (
  id            BIGSERIAL PRIMARY KEY,
  kind          VARCHAR(20)  NOT NULL,
  target_user   BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  requested_by  BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  requested_as  VARCHAR(20)  NOT NULL,
  roles         VARCHAR(200),
  password_hash VARCHAR(100),
  requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  status        VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
  decided_by    BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX administrator_approval_pending_idx ON administrator_approval (status, requested_at);
