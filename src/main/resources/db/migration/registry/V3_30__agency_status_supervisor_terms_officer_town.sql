-- registry (issue 4, gaps): agency status changes with reason and history, ending an agency's service to an
-- enterprise, supervisors' term edits and early end (解聘) with history, the change of an officer's township.

ALTER TABLE agency ADD COLUMN status_reason VARCHAR(200);
-- a suspension (暂停) may name its last day; restoring is still an explicit command
ALTER TABLE agency ADD COLUMN suspended_until DATE;

-- what happened to an agency: registered, qualification changed, suspended, restored, revoked, client linked/ended
CREATE TABLE agency_event (
  id          BIGSERIAL PRIMARY KEY,
  agency_id   BIGINT       NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
  kind        VARCHAR(30)  NOT NULL,
  occurred_on DATE         NOT NULL,
  detail      VARCHAR(300),
  changed_by  VARCHAR(40)  NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agency_event_agency_idx ON agency_event (agency_id, id DESC);

-- a service that ended is kept (一企双查 asks who served the firm when), not deleted
ALTER TABLE agency_client ADD COLUMN ended_on DATE;

-- 解聘: a supervisor stops serving from ended_on (the term end stays as appointed)
ALTER TABLE supervisor ADD COLUMN ended_on DATE;
ALTER TABLE supervisor ADD COLUMN end_reason VARCHAR(200);
CREATE TABLE supervisor_event (
  id            BIGSERIAL PRIMARY KEY,
  supervisor_id BIGINT       NOT NULL REFERENCES supervisor (id) ON DELETE CASCADE,
  kind          VARCHAR(30)  NOT NULL,
  occurred_on   DATE         NOT NULL,
  detail        VARCHAR(300),
  changed_by    VARCHAR(40)  NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX supervisor_event_supervisor_idx ON supervisor_event (supervisor_id, id DESC);

-- the certificate's history also records the change of the officer's township (负责乡镇)
ALTER TABLE certificate_event DROP CONSTRAINT certificate_event_kind_check;
ALTER TABLE certificate_event ADD CONSTRAINT certificate_event_kind_check
  CHECK (kind IN ('ISSUED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'TOWN_CHANGED'));
