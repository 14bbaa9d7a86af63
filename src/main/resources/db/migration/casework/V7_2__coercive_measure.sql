-- casework: 行政强制措施 查封/扣押 on a case (行政强制法第二十四条至第二十八条) and their 清单; part of the
-- penalty_case aggregate (Spring Data JDBC collections keyed by position). The term is computed from
-- applied_on and extended on law's configured periods (SEIZURE / SEIZURE_EXTENDED), not stored.
CREATE TABLE coercive_measure (
    penalty_case     BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position         INTEGER      NOT NULL,
    number           INTEGER      NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    decision_number  VARCHAR(60),
    reason           TEXT         NOT NULL,
    legal_basis      VARCHAR(500) NOT NULL,
    applied_on       DATE         NOT NULL,
    approved_by      VARCHAR(60)  NOT NULL,
    extended         BOOLEAN      NOT NULL DEFAULT FALSE,
    extended_on      DATE,
    extension_reason TEXT,
    ending           VARCHAR(10),
    ended_on         DATE,
    end_reason       TEXT,
    PRIMARY KEY (penalty_case, position),
    UNIQUE (penalty_case, number)
);

CREATE TABLE seized_object (
    penalty_case   BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    measure_number INTEGER      NOT NULL,
    name           VARCHAR(200) NOT NULL,
    spec           VARCHAR(200),
    quantity       VARCHAR(60)  NOT NULL,
    location       VARCHAR(200),
    PRIMARY KEY (penalty_case, position)
);
