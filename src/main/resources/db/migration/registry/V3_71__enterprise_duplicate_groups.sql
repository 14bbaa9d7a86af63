-- Issue 18 (the province profile): the home page's 疑似重复企业待合并 count grouped every active firm of the user's scope
-- by (town, name key) on every page view: 300,000 rows for a province's leader. The groups that have more than one
-- active record are few, so they are kept here, one row per group and organisation holding active records of it,
-- and the count and the merge page's list read this table only.
-- A trigger keeps it on every write of a firm (the registry's saves, merges, Excel import, COPY of the generator):
-- a change recomputes the group(s) it leaves and enters from enterprise_name_key_idx, so the rows stay equal to
-- GROUP BY town_code, name_key HAVING count(*) > 1 over enterprise WHERE merged_into IS NULL.
CREATE TABLE enterprise_duplicate (
    town_code       VARCHAR(12)  NOT NULL,
    name_key        VARCHAR(100) NOT NULL,
    organization_id BIGINT       NOT NULL,
    members         INTEGER      NOT NULL,
    PRIMARY KEY (town_code, name_key, organization_id)
);
CREATE INDEX enterprise_duplicate_org ON enterprise_duplicate (organization_id);

CREATE FUNCTION enterprise_duplicate_refresh(town VARCHAR, key VARCHAR) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM enterprise_duplicate WHERE town_code = town AND name_key = key;
    INSERT INTO enterprise_duplicate (town_code, name_key, organization_id, members)
    SELECT town, key, organization_id, members FROM (
        SELECT organization_id, count(*) AS members, sum(count(*)) OVER () AS total FROM enterprise
        WHERE town_code = town AND name_key = key AND merged_into IS NULL GROUP BY organization_id) g
    WHERE total > 1;
END
$$;

-- Two writers of one group are serialised by a transaction-scoped advisory lock on the group (taken in a fixed order
-- when a change moves a firm between groups), so the second recount sees the first's row.
CREATE FUNCTION enterprise_duplicate_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_lock INTEGER;
    new_lock INTEGER;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.town_code = OLD.town_code AND NEW.name_key = OLD.name_key
            AND NEW.organization_id = OLD.organization_id AND NEW.merged_into IS NOT DISTINCT FROM OLD.merged_into THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_lock := hashtext(OLD.town_code || '|' || OLD.name_key);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_lock := hashtext(NEW.town_code || '|' || NEW.name_key);
    END IF;
    IF old_lock IS NOT NULL AND (new_lock IS NULL OR old_lock <= new_lock) THEN
        PERFORM pg_advisory_xact_lock(3071, old_lock);
    END IF;
    IF new_lock IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(3071, new_lock);
    END IF;
    IF old_lock IS NOT NULL AND new_lock IS NOT NULL AND old_lock > new_lock THEN
        PERFORM pg_advisory_xact_lock(3071, old_lock);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM enterprise_duplicate_refresh(OLD.town_code, OLD.name_key);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.town_code <> OLD.town_code OR NEW.name_key <> OLD.name_key)) THEN
        PERFORM enterprise_duplicate_refresh(NEW.town_code, NEW.name_key);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER enterprise_duplicate_track AFTER INSERT OR DELETE OR UPDATE OF town_code, name_key, organization_id, merged_into
    ON enterprise FOR EACH ROW EXECUTE FUNCTION enterprise_duplicate_track();

INSERT INTO enterprise_duplicate (town_code, name_key, organization_id, members)
SELECT town_code, name_key, organization_id, members FROM (
    SELECT town_code, name_key, organization_id, count(*) AS members,
           sum(count(*)) OVER (PARTITION BY town_code, name_key) AS total
    FROM enterprise WHERE merged_into IS NULL GROUP BY town_code, name_key, organization_id) g
WHERE total > 1;
