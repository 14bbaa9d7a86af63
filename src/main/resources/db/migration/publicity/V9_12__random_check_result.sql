-- 双随机 一公开: each drawn firm of a month's draw (from planning's InspectionTasksDrawn) and, after the inspection,
-- its result (from inspection's InspectionRecorded and casework's CaseFiled), to be public within the configured period.
CREATE TABLE publicity_random_check (
    id               BIGSERIAL    PRIMARY KEY,
    draw_id          BIGINT       NOT NULL,
    organization_id  BIGINT       NOT NULL,
    draw_month       CHAR(7)      NOT NULL,
    item_name        VARCHAR(200) NOT NULL,
    enterprise_id    BIGINT       NOT NULL,
    enterprise_name  VARCHAR(200) NOT NULL,
    uscc             VARCHAR(18),
    authority        VARCHAR(200) NOT NULL,
    inspected_on     DATE,
    record_id        BIGINT,
    hazard_count     INTEGER,
    result_due_on    DATE,
    case_filed_on    DATE,
    CONSTRAINT publicity_random_check_once UNIQUE (draw_id, enterprise_id)
);
CREATE INDEX publicity_random_check_month_idx ON publicity_random_check (draw_month);
CREATE INDEX publicity_random_check_firm_idx ON publicity_random_check (enterprise_id, inspected_on);
