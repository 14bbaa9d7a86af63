-- casework: penalty cases with their recorded steps, payment plan, payments and 复议/诉讼 suspensions,
-- 案审会 meetings and the deadline warnings raised by the daily sweep.
CREATE TABLE case_meeting (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    held_on         DATE         NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    chair           VARCHAR(60)  NOT NULL,
    participants    VARCHAR(1000) NOT NULL,
    opinions        TEXT         NOT NULL,
    conclusion      TEXT         NOT NULL,
    recorder_id     BIGINT       NOT NULL,
    recorder_name   VARCHAR(60)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_meeting_org ON case_meeting (organization_id, held_on);

CREATE TABLE penalty_case (
    id                              BIGSERIAL PRIMARY KEY,
    case_number                     VARCHAR(60)  NOT NULL UNIQUE,
    organization_id                 BIGINT       NOT NULL,
    kind                            VARCHAR(20)  NOT NULL,
    source                          VARCHAR(20)  NOT NULL,
    source_reference                VARCHAR(100),
    procedure_kind                  VARCHAR(20)  NOT NULL,
    stage                           VARCHAR(30)  NOT NULL,
    title                           VARCHAR(300) NOT NULL,
    facts                           TEXT,
    suggested_article               VARCHAR(100),
    enterprise_id                   BIGINT,
    party_kind                      VARCHAR(10)  NOT NULL,
    party_name                      VARCHAR(200) NOT NULL,
    party_code                      VARCHAR(30),
    party_representative            VARCHAR(60),
    party_address                   VARCHAR(300),
    violation_code                  VARCHAR(20),
    penalty_article                 INTEGER,
    fine_yuan                       NUMERIC(16, 2),
    legal_min_yuan                  NUMERIC(16, 2),
    legal_max_yuan                  NUMERIC(16, 2),
    tier                            VARCHAR(20),
    tier_reason                     TEXT,
    other_measures                  VARCHAR(300),
    complex                         BOOLEAN      NOT NULL DEFAULT FALSE,
    legal_review_required           BOOLEAN      NOT NULL DEFAULT FALSE,
    legal_review_reasons            VARCHAR(1000),
    collective_discussion_required  BOOLEAN      NOT NULL DEFAULT FALSE,
    accident_deaths                 INTEGER,
    accident_injuries               INTEGER,
    accident_loss_yuan              NUMERIC(16, 2),
    accident_grade                  VARCHAR(20),
    handler_id                      BIGINT       NOT NULL,
    handler_name                    VARCHAR(60)  NOT NULL,
    proposed_on                     DATE         NOT NULL,
    filed_on                        DATE,
    decision_extensions             INTEGER      NOT NULL DEFAULT 0,
    notified_on                     DATE,
    notified_fine_yuan              NUMERIC(16, 2),
    hearing_right                   BOOLEAN      NOT NULL DEFAULT FALSE,
    statement_waived                BOOLEAN      NOT NULL DEFAULT FALSE,
    hearing_requested_on            DATE,
    hearing_on                      DATE,
    hearing_notified_on             DATE,
    heard_on                        DATE,
    heard                           BOOLEAN      NOT NULL DEFAULT FALSE,
    decided_on                      DATE,
    decision_number                 VARCHAR(80),
    served_on                       DATE,
    service_method                  VARCHAR(60),
    service_receipt                 VARCHAR(300),
    paid_yuan                       NUMERIC(16, 2) NOT NULL DEFAULT 0,
    reminded_on                     DATE,
    enforcement_applied_on          DATE,
    executed_on                     DATE,
    closed_on                       DATE,
    archived_on                     DATE,
    end_reason                      TEXT,
    transferred_to                  VARCHAR(200),
    criminal_transfer               BOOLEAN      NOT NULL DEFAULT FALSE,
    linked_case_id                  BIGINT REFERENCES penalty_case (id),
    meeting_id                      BIGINT REFERENCES case_meeting (id),
    version                         INTEGER      NOT NULL DEFAULT 0,
    created_at                      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX penalty_case_org_stage ON penalty_case (organization_id, stage);
CREATE INDEX penalty_case_enterprise ON penalty_case (enterprise_id);
CREATE INDEX penalty_case_violation ON penalty_case (violation_code, decided_on);

CREATE TABLE case_step (
    penalty_case BIGINT      NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    kind         VARCHAR(30) NOT NULL,
    actor_id     BIGINT,
    actor_name   VARCHAR(60),
    actor_role   VARCHAR(30),
    occurred_on  DATE        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opinion      TEXT,
    PRIMARY KEY (penalty_case, position)
);

CREATE TABLE instalment (
    penalty_case BIGINT         NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position     INTEGER        NOT NULL,
    due_on       DATE           NOT NULL,
    amount_yuan  NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (penalty_case, position)
);

CREATE TABLE payment (
    penalty_case BIGINT         NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position     INTEGER        NOT NULL,
    paid_on      DATE           NOT NULL,
    amount_yuan  NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (penalty_case, position)
);

CREATE TABLE suspension (
    penalty_case BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    reason       VARCHAR(300) NOT NULL,
    started_on   DATE         NOT NULL,
    ended_on     DATE,
    PRIMARY KEY (penalty_case, position)
);

CREATE TABLE case_deadline_warning (
    id              BIGSERIAL PRIMARY KEY,
    penalty_case    BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    organization_id BIGINT       NOT NULL,
    handler_id      BIGINT       NOT NULL,
    deadline        VARCHAR(40)  NOT NULL,
    label           VARCHAR(100) NOT NULL,
    due_on          DATE         NOT NULL,
    level           VARCHAR(10)  NOT NULL,
    provisional     BOOLEAN      NOT NULL,
    raised_on       DATE         NOT NULL,
    UNIQUE (penalty_case, deadline, level, due_on)
);
CREATE INDEX case_deadline_warning_handler ON case_deadline_warning (handler_id, raised_on);

CREATE SEQUENCE penalty_case_number_seq;
