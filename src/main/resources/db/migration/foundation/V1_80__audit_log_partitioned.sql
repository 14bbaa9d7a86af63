-- Issue 18 (past one database): audit_log, the history table every state change writes a row to, is partitioned by
-- year (PARTITION BY RANGE (occurred_at), one partition per calendar year in Asia/Shanghai time, plus a DEFAULT
-- partition for anything outside them). A search by time range reads only its years; a whole year that has been
-- archived leaves by dropping its partition instead of row by row. PartitionBenchmark measured it first on copies.
--
-- What stays as it was: the columns, the sequence audit_log_id_seq (same object, so the same next value and grants),
-- the indexes, the append-only triggers (a row trigger on the parent is cloned by PostgreSQL onto every partition;
-- TRUNCATE triggers are statement triggers and are not, so every partition gets its own), the insert-only grants of
-- zhifa_app (on the parent; partitions are reached through the parent only, zhifa_app has no privilege on them).
-- What changes: the primary key is (id, occurred_at), as PostgreSQL requires the partition key in it; ids stay unique
-- because only the sequence assigns them (a repeated id would break the chain check's links or its checkpoint row count).
--
-- Later years' partitions are created ahead by AuditPartitions (a locked scheduled job) through audit_log_add_year,
-- SECURITY DEFINER like audit_log_purge: only the owner may create partitions.

LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE;

ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
ALTER TABLE audit_log_unpartitioned RENAME CONSTRAINT audit_log_pkey TO audit_log_unpartitioned_pkey;
ALTER INDEX audit_log_occurred_idx RENAME TO audit_log_unpartitioned_occurred_idx;
ALTER INDEX audit_log_actor_idx RENAME TO audit_log_unpartitioned_actor_idx;
-- the sequence outlives the old table (it would be dropped with it otherwise) and keeps its value and grants
ALTER SEQUENCE audit_log_id_seq OWNED BY NONE;

CREATE TABLE audit_log (
  id               BIGINT       NOT NULL DEFAULT nextval('audit_log_id_seq'),
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
  hash             CHAR(64)     NOT NULL,
  scheme           VARCHAR(10)  NOT NULL DEFAULT 'HMAC-SM3',
  CONSTRAINT audit_log_pkey PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);

-- UPDATE is always refused. DELETE only (a) inside audit_log_purge and only of archived rows, or (b) inside
-- audit_log_add_year, from the DEFAULT partition, of a row whose identical copy (id, time, hash) is already in its
-- year's new partition: moving a row, never losing one.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('zhifa.audit_purge', true) = 'on'
     AND EXISTS (SELECT 1 FROM audit_archive a WHERE OLD.id BETWEEN a.first_id AND a.last_id) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log_default'
     AND current_setting('zhifa.audit_partition_move', true) = 'on'
     AND EXISTS (SELECT 1 FROM audit_log l WHERE l.id = OLD.id AND l.occurred_at = OLD.occurred_at
                    AND l.hash = OLD.hash AND l.tableoid <> TG_RELID) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_refuse_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();

-- A partition as the owner makes one: its own TRUNCATE trigger, and no privilege for the application role (the
-- owner's default privileges would give it SELECT/INSERT/UPDATE/DELETE on every new table).
CREATE FUNCTION audit_log_guard_partition(partition REGCLASS) RETURNS VOID
  SET search_path FROM CURRENT AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON %s '
                 'FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate()', partition);
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhifa_app') THEN
    EXECUTE format('REVOKE ALL ON %s FROM zhifa_app', partition);
  END IF;
END;
$$ LANGUAGE plpgsql;
REVOKE ALL ON FUNCTION audit_log_guard_partition(REGCLASS) FROM PUBLIC;

-- The year's partition, [1 January, next 1 January) in Asia/Shanghai time (UTC+8 all year), named audit_log_<year>.
-- Idempotent: created = false when it is there already. Rows of that year sitting in the DEFAULT partition (the job
-- did not run for a year, or a clock was ahead) are moved into it in the same transaction: the DEFAULT partition is
-- detached, the new partition created, the rows copied in id order and then deleted from the DEFAULT (the trigger
-- lets only rows whose copy is there go), and the DEFAULT attached again. moved = how many rows were moved.
CREATE FUNCTION audit_log_add_year(year INT) RETURNS TABLE (created BOOLEAN, moved BIGINT)
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  name      TEXT := 'audit_log_' || year;
  low       TIMESTAMPTZ := make_timestamptz(year, 1, 1, 0, 0, 0, 'Asia/Shanghai');
  high      TIMESTAMPTZ := make_timestamptz(year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai');
  bounds    TEXT;
  waiting   BIGINT := 0;
  copied    BIGINT;
  removed   BIGINT;
  has_default BOOLEAN;
BEGIN
  IF year < 2000 OR year > 2999 THEN
    RAISE EXCEPTION 'audit_log partition year % out of range', year;
  END IF;
  -- one at a time (self-conflicting), appends and reads go on until the partition is created
  LOCK TABLE audit_log IN SHARE UPDATE EXCLUSIVE MODE;
  IF EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'audit_log'::regclass AND c.relname = name) THEN
    RETURN QUERY SELECT false, 0::BIGINT;
    RETURN;
  END IF;
  bounds := format('FOR VALUES FROM (%L) TO (%L)', low, high);
  has_default := EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                          WHERE i.inhparent = 'audit_log'::regclass AND c.relname = 'audit_log_default');
  IF has_default THEN
    SELECT count(*) INTO waiting FROM audit_log_default WHERE occurred_at >= low AND occurred_at < high;
  END IF;
  IF waiting = 0 THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_log %s', name, bounds);
  ELSE
    ALTER TABLE audit_log DETACH PARTITION audit_log_default;
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_log %s', name, bounds);
    INSERT INTO audit_log SELECT * FROM audit_log_default WHERE occurred_at >= low AND occurred_at < high ORDER BY id;
    GET DIAGNOSTICS copied = ROW_COUNT;
    PERFORM set_config('zhifa.audit_partition_move', 'on', true);
    DELETE FROM audit_log_default WHERE occurred_at >= low AND occurred_at < high;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('zhifa.audit_partition_move', 'off', true);
    IF copied <> waiting OR removed <> waiting THEN
      RAISE EXCEPTION 'moving % audit rows of % out of the default partition: % copied, % removed', waiting, year, copied, removed;
    END IF;
    ALTER TABLE audit_log ATTACH PARTITION audit_log_default DEFAULT;
  END IF;
  PERFORM audit_log_guard_partition(name::regclass);
  RETURN QUERY SELECT true, waiting;
END;
$$ LANGUAGE plpgsql;
REVOKE ALL ON FUNCTION audit_log_add_year(INT) FROM PUBLIC;

-- the partitions: every year from the oldest row's to next year (at most the last 30 years; anything older, or ahead
-- of next year, goes to DEFAULT), then the rows in id order
DO $$
DECLARE
  this_year INT := EXTRACT(YEAR FROM now() AT TIME ZONE 'Asia/Shanghai');
  oldest    INT;
BEGIN
  SELECT EXTRACT(YEAR FROM min(occurred_at) AT TIME ZONE 'Asia/Shanghai') INTO oldest FROM audit_log_unpartitioned;
  oldest := greatest(least(coalesce(oldest, this_year), this_year), this_year - 30);
  CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
  PERFORM audit_log_guard_partition('audit_log_default'::regclass);
  FOR y IN oldest .. this_year + 1 LOOP
    PERFORM audit_log_add_year(y);
  END LOOP;
END
$$;

INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned ORDER BY id;
DROP TABLE audit_log_unpartitioned;

-- the application role: insert-only on the parent, as before (V1_30); the sequence is the same object with its grants
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhifa_app') THEN
    REVOKE ALL ON audit_log FROM zhifa_app;
    GRANT SELECT, INSERT ON audit_log TO zhifa_app;
    GRANT EXECUTE ON FUNCTION audit_log_add_year(INT) TO zhifa_app;
  END IF;
END
$$;

ANALYZE audit_log;
