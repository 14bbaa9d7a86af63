-- issue 14: the application does not run as the owner of the schema. Flyway migrates as the owner (the role that
-- runs this script); the application's connection pool logs in as zhifa_app, which owns nothing and may only read
-- and write rows: SELECT/INSERT/UPDATE/DELETE on the tables, and only SELECT + INSERT on the audit tables (no UPDATE,
-- DELETE, TRUNCATE, TRIGGER or REFERENCES; rows leave audit_log only through audit_log_purge, SECURITY DEFINER).
-- As zhifa_app owns no table it cannot ALTER TABLE … DISABLE TRIGGER either.
--
-- The role is created here when the migrating role may create roles (the embedded PostgreSQL: its owner is the
-- superuser, and the application then sets the role's LOGIN PASSWORD after every migrate). On an external database
-- the administrator may create it beforehand (CREATE ROLE zhifa_app LOGIN PASSWORD '…', see README "Security" and
-- .ci/run); when it neither exists nor can be created, nothing is granted and the application keeps using the one
-- role it is configured with.
DO $$
DECLARE
  may_create BOOLEAN;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhifa_app') THEN
    SELECT rolsuper OR rolcreaterole INTO may_create FROM pg_roles WHERE rolname = current_user;
    IF NOT may_create THEN
      RAISE NOTICE 'role zhifa_app does not exist and % may not create it: no grants', current_user;
      RETURN;
    END IF;
    CREATE ROLE zhifa_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;

  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO zhifa_app', current_database());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO zhifa_app', current_schema());

  -- every table and sequence there is now ...
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO zhifa_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO zhifa_app', current_schema());
  -- ... and every one a later migration creates (default privileges of the migrating role), so new modules work
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zhifa_app',
                 current_user, current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO zhifa_app',
                 current_user, current_schema());

  -- the audit tables: insert-only
  REVOKE ALL ON audit_log, audit_archive FROM zhifa_app;
  GRANT SELECT, INSERT ON audit_log, audit_archive TO zhifa_app;
  REVOKE ALL ON SEQUENCE audit_log_id_seq, audit_archive_id_seq FROM zhifa_app;
  GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq, audit_archive_id_seq TO zhifa_app;
  REVOKE ALL ON FUNCTION audit_log_purge(BIGINT) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION audit_log_purge(BIGINT) TO zhifa_app;

  -- the migration history is the owner's
  EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM zhifa_app', current_schema());
END
$$;
