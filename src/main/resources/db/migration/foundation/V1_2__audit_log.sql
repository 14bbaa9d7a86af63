-- Append-only, hash-chained audit log: each row holds the SHA-256 of the previous row.
CREATE TABLE audit_log (
  id               BIGSERIAL PRIMARY KEY,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  actor            VARCHAR(40)  NOT NULL,
  actor_id         BIGINT,
  organization_id  BIGINT,
  action           VARCHAR(120) NOT NULL,
  target_type      VARCHAR(60),
  target_id        VARCHAR(60),
  outcome          VARCHAR(10)  NOT NULL,
  detail           VARCHAR(500),
  client_address   VARCHAR(64),
  previous_hash    CHAR(64)     NOT NULL,
  hash             CHAR(64)     NOT NULL
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);

CREATE FUNCTION audit_log_append_only() RETURNS TRIGGER AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
