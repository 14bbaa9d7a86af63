-- Issue 18: with audit_log partitioned by year (V1_80), a past year whose rows are all inside the archive being purged
-- leaves by dropping its partition, instead of a row trigger firing for each of its rows. Nothing else changes: the
-- rows leave only through this function, only rows of that one archive, and only when as many rows go as the archive
-- holds (else everything, the dropped partitions included, is rolled back). This year's and later partitions are never
-- dropped (an append could still go there); a year only partly archived keeps its partition and loses rows one by one.
CREATE OR REPLACE FUNCTION audit_log_purge(archive_id BIGINT) RETURNS BIGINT
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  expected  BIGINT;
  low_id    BIGINT;
  high_id   BIGINT;
  removed   BIGINT := 0;
  deleted   BIGINT;
  this_year INT := EXTRACT(YEAR FROM now() AT TIME ZONE 'Asia/Shanghai');
  part      RECORD;
  found     BIGINT;
  lowest    BIGINT;
  highest   BIGINT;
BEGIN
  SELECT row_count, first_id, last_id INTO expected, low_id, high_id FROM audit_archive WHERE id = archive_id;
  IF expected IS NULL THEN
    RAISE EXCEPTION 'no audit archive %', archive_id;
  END IF;
  FOR part IN SELECT c.oid::regclass AS rel FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_[0-9]{4}$'
                 AND substr(c.relname, 11)::INT < this_year
               ORDER BY c.relname LOOP
    EXECUTE format('SELECT count(*), min(id), max(id) FROM %s', part.rel) INTO found, lowest, highest;
    IF found > 0 AND lowest >= low_id AND highest <= high_id THEN
      EXECUTE format('DROP TABLE %s', part.rel);
      removed := removed + found;
    END IF;
  END LOOP;
  PERFORM set_config('zhifa.audit_purge', 'on', true);
  DELETE FROM audit_log l WHERE l.id BETWEEN low_id AND high_id;
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('zhifa.audit_purge', 'off', true);
  removed := removed + deleted;
  IF removed <> expected THEN
    RAISE EXCEPTION 'audit archive % holds % rows but % are in the table', archive_id, expected, removed;
  END IF;
  RETURN removed;
END;
$$ LANGUAGE plpgsql;
