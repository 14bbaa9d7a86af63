-- 投诉举报 (complaints and reports): the register, handling, deadlines per channel, duplicates and rewards.
CREATE TABLE complaint (
    id                  BIGSERIAL PRIMARY KEY,
    organization_id     BIGINT       NOT NULL REFERENCES organization (id), -- the unit that registered and answers for it
    channel             VARCHAR(20)  NOT NULL,
    received_on         DATE         NOT NULL,
    content             TEXT         NOT NULL,
    enterprise_id       BIGINT,
    enterprise_name     VARCHAR(200),
    reporter_name       VARCHAR(100),
    reporter_phone      VARCHAR(40),
    anonymous           BOOLEAN      NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    accept_due          DATE         NOT NULL,
    close_due           DATE         NOT NULL,
    due_provisional     BOOLEAN      NOT NULL DEFAULT FALSE,
    duplicate_of        BIGINT REFERENCES complaint (id),
    accepted_on         DATE,
    rejected_on         DATE,
    reject_reason       TEXT,
    assigned_unit_id    BIGINT REFERENCES organization (id),
    follow_up           VARCHAR(20),
    follow_up_note      TEXT,
    reply               TEXT,
    replied_on          DATE,
    closed_on           DATE,
    result              TEXT,
    reward_status       VARCHAR(20),
    reward_fine_yuan    NUMERIC(14, 2),
    reward_yuan         NUMERIC(14, 2),
    reward_basis        TEXT,
    reward_approved_on  DATE,
    reward_paid_on      DATE,
    registered_by       BIGINT       NOT NULL,
    demo                BOOLEAN      NOT NULL DEFAULT FALSE,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT complaint_rejection_has_reason CHECK (status <> 'REJECTED' OR reject_reason IS NOT NULL)
);
CREATE INDEX complaint_org_status ON complaint (organization_id, status);
CREATE INDEX complaint_assigned ON complaint (assigned_unit_id);

-- 督办单: a supervisor's order on a case, hazard or unit with a reply deadline; the unit replies.
CREATE TABLE supervision_order (
    id               BIGSERIAL PRIMARY KEY,
    organization_id  BIGINT       NOT NULL REFERENCES organization (id), -- the unit that must act and reply
    issued_by_org    BIGINT       NOT NULL REFERENCES organization (id),
    subject_kind     VARCHAR(20)  NOT NULL,
    subject_id       BIGINT,
    subject_label    VARCHAR(300) NOT NULL,
    demand           TEXT         NOT NULL,
    issued_on        DATE         NOT NULL,
    reply_due        DATE         NOT NULL,
    issued_by        BIGINT       NOT NULL,
    reply            TEXT,
    replied_on       DATE,
    replied_by       BIGINT,
    demo             BOOLEAN      NOT NULL DEFAULT FALSE,
    version          INT          NOT NULL DEFAULT 0
);
CREATE INDEX supervision_order_org ON supervision_order (organization_id);

-- 约谈 records: who was talked to, when, why, and what they committed to.
CREATE TABLE supervision_interview (
    id               BIGSERIAL PRIMARY KEY,
    organization_id  BIGINT       NOT NULL REFERENCES organization (id),
    held_on          DATE         NOT NULL,
    interviewees     VARCHAR(300) NOT NULL,
    reason           TEXT         NOT NULL,
    commitments      TEXT         NOT NULL,
    recorded_by      BIGINT       NOT NULL,
    demo             BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX supervision_interview_org ON supervision_interview (organization_id);
