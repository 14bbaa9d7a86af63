-- 案卷评查: the scoring standard (versioned data), review plans, the files sampled with their reviewers and scores,
-- and the problems found as rectification items for the case unit.
CREATE TABLE case_review_standard (
    id            bigserial PRIMARY KEY,
    version       integer      NOT NULL UNIQUE,
    name          varchar(200) NOT NULL,
    excellent_min numeric(5, 1) NOT NULL,
    pass_min      numeric(5, 1) NOT NULL,
    current       boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX case_review_standard_one_current ON case_review_standard (current) WHERE current;

CREATE TABLE case_review_item (
    id          bigserial PRIMARY KEY,
    standard_id bigint        NOT NULL REFERENCES case_review_standard (id),
    group_code  varchar(20)   NOT NULL,
    position    integer       NOT NULL,
    text        varchar(500)  NOT NULL,
    points      numeric(5, 1) NOT NULL CHECK (points >= 0),
    veto        boolean       NOT NULL DEFAULT false
);

CREATE TABLE case_review_plan (
    id          bigserial PRIMARY KEY,
    year        integer      NOT NULL,
    name        varchar(200) NOT NULL,
    standard_id bigint       NOT NULL REFERENCES case_review_standard (id),
    created_by  bigint       NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    demo        boolean      NOT NULL DEFAULT false
);

CREATE TABLE case_review_file (
    id            bigserial PRIMARY KEY,
    plan_id       bigint        NOT NULL REFERENCES case_review_plan (id) ON DELETE CASCADE,
    case_id       bigint        NOT NULL,
    case_label    varchar(400)  NOT NULL,
    unit_id       bigint        NOT NULL,
    reviewer_id   bigint        NOT NULL,
    reviewer_name varchar(100)  NOT NULL,
    prechecks     text          NOT NULL DEFAULT '',
    score         numeric(5, 1),
    vetoed        boolean       NOT NULL DEFAULT false,
    grade         varchar(10),
    scored_at     timestamptz,
    version       integer       NOT NULL DEFAULT 0,
    UNIQUE (plan_id, case_id)
);

CREATE TABLE case_review_mark (
    file_id  bigint        NOT NULL REFERENCES case_review_file (id) ON DELETE CASCADE,
    item_id  bigint        NOT NULL REFERENCES case_review_item (id),
    deducted numeric(5, 1) NOT NULL DEFAULT 0,
    vetoed   boolean       NOT NULL DEFAULT false,
    comment  varchar(1000),
    PRIMARY KEY (file_id, item_id)
);

CREATE TABLE case_review_problem (
    id         bigserial PRIMARY KEY,
    file_id    bigint        NOT NULL REFERENCES case_review_file (id) ON DELETE CASCADE,
    plan_id    bigint        NOT NULL REFERENCES case_review_plan (id) ON DELETE CASCADE,
    unit_id    bigint        NOT NULL,
    group_code varchar(20)   NOT NULL,
    text       varchar(1500) NOT NULL,
    due_on     date          NOT NULL,
    reply      varchar(2000),
    replied_on date
);
CREATE INDEX case_review_problem_plan ON case_review_problem (plan_id);
