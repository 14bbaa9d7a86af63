-- 学法清单, 题库, training plans and sessions, 练兵/比武, exams (module training, band 15).

CREATE TABLE training_checklist_item (
    id              BIGSERIAL PRIMARY KEY,
    post            VARCHAR(40)  NOT NULL,            -- 共性 or a post such as 危化品执法岗
    law             VARCHAR(80)  NOT NULL,
    article         VARCHAR(40),
    point           VARCHAR(500) NOT NULL,
    organization_id BIGINT       NOT NULL,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE training_question (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(12)   NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
    stem            VARCHAR(1000) NOT NULL,
    options         TEXT          NOT NULL,           -- one option a line, A, B, C … in order
    answer          VARCHAR(10)   NOT NULL,           -- the letters of the right options, e.g. ACD
    explanation     VARCHAR(1000),
    law             VARCHAR(80)   NOT NULL,
    article         VARCHAR(40),
    post            VARCHAR(40)   NOT NULL DEFAULT '共性',
    industry        VARCHAR(40),
    difficulty      SMALLINT      NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
    organization_id BIGINT        NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX training_question_law ON training_question (law, difficulty);

CREATE TABLE training_plan (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    plan_year       INT          NOT NULL,
    title           VARCHAR(100) NOT NULL,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE training_session (
    id              BIGSERIAL PRIMARY KEY,
    plan_id         BIGINT REFERENCES training_plan (id),
    organization_id BIGINT        NOT NULL,
    topic           VARCHAR(100)  NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE          NOT NULL,
    hours           NUMERIC(6, 1) NOT NULL,
    trainer         VARCHAR(60)   NOT NULL,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX training_session_org ON training_session (organization_id, starts_on);

CREATE TABLE training_participant (
    session_id BIGINT      NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL,
    user_name  VARCHAR(60) NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX training_participant_user ON training_participant (user_id);

CREATE TABLE training_contest (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('DRILL', 'CONTEST')),
    name            VARCHAR(100) NOT NULL,
    held_on         DATE         NOT NULL,
    teams           INT          NOT NULL DEFAULT 0,
    participants    INT          NOT NULL DEFAULT 0,
    results         VARCHAR(1000),
    demo            BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE training_award (
    id         BIGSERIAL PRIMARY KEY,
    contest_id BIGINT       NOT NULL REFERENCES training_contest (id) ON DELETE CASCADE,
    team       BOOLEAN      NOT NULL,
    winner     VARCHAR(100) NOT NULL,                -- the team's name, or the officer's name
    user_id    BIGINT,                               -- the officer of an individual award
    prize      VARCHAR(40)  NOT NULL
);
CREATE INDEX training_award_user ON training_award (user_id);

CREATE TABLE exam_paper (
    id                 BIGSERIAL PRIMARY KEY,
    organization_id    BIGINT       NOT NULL,
    title              VARCHAR(100) NOT NULL,
    purpose            VARCHAR(12)  NOT NULL CHECK (purpose IN ('CERTIFICATE', 'PERIODIC')),
    rules              TEXT         NOT NULL,        -- law|difficulty|count, one rule a line
    seed               BIGINT       NOT NULL,
    question_ids       TEXT         NOT NULL,        -- the drawn questions in order, comma separated
    time_limit_minutes INT          NOT NULL CHECK (time_limit_minutes BETWEEN 5 AND 300),
    opens_on           DATE         NOT NULL,
    closes_on          DATE         NOT NULL,
    pass_mark          NUMERIC(5, 1) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    demo               BOOLEAN      NOT NULL DEFAULT FALSE,
    CHECK (closes_on >= opens_on)
);

CREATE TABLE exam_attempt (
    id              BIGSERIAL PRIMARY KEY,
    paper_id        BIGINT        NOT NULL REFERENCES exam_paper (id),
    user_id         BIGINT        NOT NULL,
    user_name       VARCHAR(60)   NOT NULL,
    organization_id BIGINT        NOT NULL,
    started_at      TIMESTAMPTZ   NOT NULL,
    deadline        TIMESTAMPTZ   NOT NULL,
    submitted_at    TIMESTAMPTZ,
    answers         TEXT,                            -- questionId=letters, one a line
    score           NUMERIC(5, 1),
    passed          BOOLEAN,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    UNIQUE (paper_id, user_id)
);
CREATE INDEX exam_attempt_user ON exam_attempt (user_id, submitted_at);
