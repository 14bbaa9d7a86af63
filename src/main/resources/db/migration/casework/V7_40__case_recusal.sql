-- casework: 回避 (行政处罚法第四十三条): a party's application for the recusal of a handler, legal reviewer or hearing
-- officer, and the head's decision; part of the penalty_case aggregate (a collection keyed by position).
CREATE TABLE case_recusal (
    penalty_case    BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    number          INTEGER      NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    person_id       BIGINT,
    person_name     VARCHAR(60)  NOT NULL,
    reason          TEXT         NOT NULL,
    applied_on      DATE         NOT NULL,
    recorded_by     VARCHAR(60)  NOT NULL,
    granted         BOOLEAN,
    decided_on      DATE,
    decided_by      VARCHAR(60),
    decision_reason TEXT,
    PRIMARY KEY (penalty_case, position),
    UNIQUE (penalty_case, number)
);
