-- issue 21, online inspection fed by monitoring: the monitoring points of a firm (重大危险源 sensors with their
-- 一级/二级 alarm thresholds, video points), the system clients that push alarms and video patrol results, the alarms
-- and patrol results received (each under its client's Idempotency-Key), the online task an alarm group opened, and
-- the daily online patrol lists per unit.
CREATE TABLE monitoring_point (
    id              BIGSERIAL PRIMARY KEY,
    enterprise_id   BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('SENSOR', 'VIDEO')),
    tag             VARCHAR(40)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    location        VARCHAR(200),
    quantity        VARCHAR(20),
    unit_of_measure VARCHAR(20),
    level1          NUMERIC(14, 4),
    level2          NUMERIC(14, 4),
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT monitoring_point_sensor_thresholds CHECK (kind = 'VIDEO'
        OR (quantity IS NOT NULL AND unit_of_measure IS NOT NULL AND level1 IS NOT NULL AND level2 IS NOT NULL AND level2 > level1))
);
CREATE UNIQUE INDEX monitoring_point_tag_uq ON monitoring_point (LOWER(tag));
CREATE INDEX monitoring_point_firm ON monitoring_point (enterprise_id);

CREATE TABLE monitoring_client (
    id              BIGSERIAL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    secret_hash     CHAR(64)      NOT NULL UNIQUE,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);

-- one row per online task opened by a point's alarms or abnormal video patrols; later alarms of the point group into
-- it while it is open (count, last value)
CREATE TABLE monitoring_alarm_task (
    task_id         BIGINT        PRIMARY KEY,
    point_id        BIGINT        NOT NULL REFERENCES monitoring_point (id),
    enterprise_id   BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    alarm_count     INT           NOT NULL DEFAULT 1,
    last_value      NUMERIC(14, 4),
    last_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX monitoring_alarm_task_open ON monitoring_alarm_task (point_id) WHERE closed_at IS NULL;

CREATE TABLE monitoring_alarm (
    id              BIGSERIAL PRIMARY KEY,
    client_id       BIGINT        NOT NULL REFERENCES monitoring_client (id),
    idempotency_key UUID          NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('ALARM', 'PATROL')),
    point_id        BIGINT        NOT NULL REFERENCES monitoring_point (id),
    enterprise_id   BIGINT        NOT NULL,
    organization_id BIGINT        NOT NULL,
    value           NUMERIC(14, 4),
    level           SMALLINT,
    abnormal        BOOLEAN       NOT NULL,
    note            VARCHAR(500),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence_id     BIGINT,
    task_id         BIGINT,
    grouped         BOOLEAN       NOT NULL DEFAULT FALSE,
    task_refusal    VARCHAR(300),
    status          SMALLINT      NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT monitoring_alarm_key_once UNIQUE (client_id, idempotency_key)
);
CREATE INDEX monitoring_alarm_org_time ON monitoring_alarm (organization_id, occurred_at DESC);
CREATE INDEX monitoring_alarm_task_idx ON monitoring_alarm (task_id);

CREATE TABLE monitoring_patrol_list (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT        NOT NULL REFERENCES organization (id),
    day             DATE          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT monitoring_patrol_list_once UNIQUE (organization_id, day)
);

CREATE TABLE monitoring_patrol_item (
    id              BIGSERIAL PRIMARY KEY,
    list_id         BIGINT        NOT NULL REFERENCES monitoring_patrol_list (id) ON DELETE CASCADE,
    position        INT           NOT NULL,
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    grade           VARCHAR(2)    NOT NULL,
    task_id         BIGINT,
    started_by      BIGINT,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT monitoring_patrol_item_once UNIQUE (list_id, enterprise_id)
);
CREATE INDEX monitoring_patrol_item_firm ON monitoring_patrol_item (enterprise_id);
CREATE INDEX monitoring_patrol_item_task ON monitoring_patrol_item (task_id);
