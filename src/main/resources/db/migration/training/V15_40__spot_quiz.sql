-- 逢查必考: a firm's principal or safety manager tested on the 应知应会 set during an inspection, stored with the
-- inspection record (one quiz a record; a correction of the record keeps the quiz of the version it corrects).

CREATE TABLE spot_quiz (
    id              BIGSERIAL PRIMARY KEY,
    record_id       BIGINT        NOT NULL UNIQUE,   -- inspection's record (its API, not its table)
    organization_id BIGINT        NOT NULL,          -- the record's unit
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    industry        VARCHAR(40),                     -- the 应知应会 set drawn from (危化, 工贸 …); NULL: 通用
    person_name     VARCHAR(50)   NOT NULL,
    person_post     VARCHAR(30)   NOT NULL,          -- 主要负责人, 安全管理人员 or what the officer wrote
    seed            BIGINT        NOT NULL,
    question_ids    TEXT          NOT NULL,          -- the drawn questions in order, comma separated
    pass_mark       NUMERIC(5, 1) NOT NULL,
    drawn_by        BIGINT        NOT NULL,
    drawn_at        TIMESTAMPTZ   NOT NULL,
    answers         TEXT,                            -- questionId=letters, one a line
    correct         INT,
    total           INT,
    score           NUMERIC(5, 1),
    passed          BOOLEAN,
    answered_by     BIGINT,
    answered_at     TIMESTAMPTZ,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK ((answered_at IS NULL) = (score IS NULL))
);
CREATE INDEX spot_quiz_answered ON spot_quiz (organization_id, answered_at);
