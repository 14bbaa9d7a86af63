-- Issue 18: the deadlines cases must still meet, as a read model, so the 案件期限 list pages in SQL and the daily sweep is
-- one statement instead of every open case's timeline built in Java on every read.
-- One row per case and deadline not yet met (not the party's periods): the day it comes due and the first day it is 临期,
-- both computed by CaseDeadlines on law's calendar when the case changes; whether it is 临期 or 逾期 today is a comparison.
CREATE TABLE case_deadline (
    penalty_case    BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    deadline        VARCHAR(40)  NOT NULL,
    organization_id BIGINT       NOT NULL,
    handler_id      BIGINT       NOT NULL,
    label           VARCHAR(100) NOT NULL,
    due_on          DATE         NOT NULL,
    near_from       DATE         NOT NULL,
    provisional     BOOLEAN      NOT NULL,
    -- the level the sweep last raised for this due day (NEAR, OVERDUE), the next day it has something to raise, and
    -- the day of that sweep (a clock set back finds deadlines swept on a later day and watches them afresh)
    warned          VARCHAR(10),
    next_check      DATE,
    swept_on        DATE,
    PRIMARY KEY (penalty_case, deadline)
);
CREATE INDEX case_deadline_org_near ON case_deadline (organization_id, near_from);
CREATE INDEX case_deadline_next_check ON case_deadline (next_check) WHERE next_check IS NOT NULL;
CREATE INDEX case_deadline_swept_on ON case_deadline (swept_on) WHERE swept_on IS NOT NULL;

-- Cases whose rows above must be recomputed: marked by the triggers below whenever a case or a row its timeline reads
-- changes (the aggregate's saves update penalty_case; services, testing periods and 先行登记保存 are written beside it).
-- `marked` tells a recomputation that read an older state from one that may clear the mark.
CREATE SEQUENCE case_deadline_stale_seq;
CREATE TABLE case_deadline_stale (
    penalty_case BIGINT PRIMARY KEY,
    marked       BIGINT NOT NULL
);

-- What the computed days rest on (law's calendar and the warning rules): when it changes every watched case is recomputed.
CREATE TABLE case_deadline_basis (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint VARCHAR(64) NOT NULL
);

CREATE FUNCTION case_deadline_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
    ELSE
        changed := to_jsonb(NEW);
    END IF;
    INSERT INTO case_deadline_stale (penalty_case, marked)
    VALUES ((changed ->> TG_ARGV[0])::bigint, nextval('case_deadline_stale_seq'))
    ON CONFLICT (penalty_case) DO UPDATE SET marked = EXCLUDED.marked;
    RETURN NULL;
END
$$;

CREATE TRIGGER penalty_case_deadline_stale AFTER INSERT OR UPDATE OR DELETE ON penalty_case
    FOR EACH ROW EXECUTE FUNCTION case_deadline_mark_stale('id');
CREATE TRIGGER case_service_deadline_stale AFTER INSERT OR UPDATE OR DELETE ON case_service
    FOR EACH ROW EXECUTE FUNCTION case_deadline_mark_stale('penalty_case');
CREATE TRIGGER coercive_measure_testing_deadline_stale AFTER INSERT OR UPDATE OR DELETE ON coercive_measure_testing
    FOR EACH ROW EXECUTE FUNCTION case_deadline_mark_stale('penalty_case');
CREATE TRIGGER case_record_deadline_stale AFTER INSERT OR UPDATE OR DELETE ON case_record
    FOR EACH ROW EXECUTE FUNCTION case_deadline_mark_stale('case_id');

-- every case present when this runs is computed on first use
INSERT INTO case_deadline_stale (penalty_case, marked) SELECT id, nextval('case_deadline_stale_seq') FROM penalty_case;
