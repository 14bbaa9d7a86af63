-- issue 14: the audit chain is keyed (HMAC-SM3, key outside the database), TRUNCATE is refused, and
-- rows leave the table only through the archive purge (archived first, then deleted exactly).
--
-- Rows written before this migration keep their unkeyed SHA-256 hashes (scheme 'SHA-256'): they form the
-- legacy epoch. The first keyed row links to the last legacy hash, so a change there breaks the keyed
-- chain too; the signed checkpoints outside the database record where the legacy epoch ends.
ALTER TABLE audit_log ADD COLUMN scheme VARCHAR(10) NOT NULL DEFAULT 'SHA-256';
ALTER TABLE audit_log ALTER COLUMN scheme SET DEFAULT 'HMAC-SM3';

-- One row per archive file: the closed range of audit rows it holds, their link to what came before,
-- the SM3 of the file and the SM2 signature over its summary.
CREATE TABLE audit_archive (
  id                   BIGSERIAL PRIMARY KEY,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  first_id             BIGINT       NOT NULL,
  last_id              BIGINT       NOT NULL,
  row_count            BIGINT       NOT NULL,
  first_previous_hash  CHAR(64)     NOT NULL,
  last_hash            CHAR(64)     NOT NULL,
  file_name            VARCHAR(200) NOT NULL,
  file_sm3             CHAR(64)     NOT NULL,
  signature            VARCHAR(200) NOT NULL,
  CHECK (first_id <= last_id)
);

CREATE FUNCTION audit_archive_append_only() RETURNS TRIGGER AS $$
BEGIN
  RAISE EXCEPTION 'audit_archive is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_archive_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_archive
  FOR EACH ROW EXECUTE FUNCTION audit_archive_append_only();

-- UPDATE is always refused; DELETE only inside audit_log_purge and only of archived rows.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('zhifa.audit_purge', true) = 'on'
     AND EXISTS (SELECT 1 FROM audit_archive a WHERE OLD.id BETWEEN a.first_id AND a.last_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION audit_log_no_truncate() RETURNS TRIGGER AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_refuse_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

CREATE TRIGGER audit_archive_refuse_truncate
  BEFORE TRUNCATE ON audit_archive
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

-- The one controlled path that removes audit rows: exactly the rows of one archive, all or nothing.
-- SECURITY DEFINER so the application role needs EXECUTE on it and no DELETE on audit_log.
CREATE FUNCTION audit_log_purge(archive_id BIGINT) RETURNS BIGINT
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  expected BIGINT;
  removed  BIGINT;
BEGIN
  SELECT row_count INTO expected FROM audit_archive WHERE id = archive_id;
  IF expected IS NULL THEN
    RAISE EXCEPTION 'no audit archive %', archive_id;
  END IF;
  PERFORM set_config('zhifa.audit_purge', 'on', true);
  DELETE FROM audit_log l USING audit_archive a
   WHERE a.id = archive_id AND l.id BETWEEN a.first_id AND a.last_id;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('zhifa.audit_purge', 'off', true);
  IF removed <> expected THEN
    RAISE EXCEPTION 'audit archive % holds % rows but % are in the table', archive_id, expected, removed;
  END IF;
  RETURN removed;
END;
$$ LANGUAGE plpgsql;

-- Intended privileges once the application runs as its own role (the owner of the schema is another role).
-- The database-role change itself belongs to the embedded-PostgreSQL/role work; these are the grants it
-- must give for the audit tables (kept as comments: the role does not exist on every database):
--   REVOKE ALL ON audit_log, audit_archive FROM zhifa_app;
--   GRANT SELECT, INSERT ON audit_log, audit_archive TO zhifa_app;
--   GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq, audit_archive_id_seq TO zhifa_app;
--   REVOKE ALL ON FUNCTION audit_log_purge(BIGINT) FROM PUBLIC;
--   GRANT EXECUTE ON FUNCTION audit_log_purge(BIGINT) TO zhifa_app;
-- (no UPDATE, DELETE, TRUNCATE, TRIGGER or REFERENCES on either table; the triggers refuse them even
-- for the owner, and disabling a trigger needs ownership, which the application role does not have.)
