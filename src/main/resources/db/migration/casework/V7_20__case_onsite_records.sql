-- casework: the structured on-site and party-signed records of a case (询问通知、询问笔录、勘验笔录、先行登记保存、
-- 调查报告、听证笔录、当场处罚、送达), each with the standard document issued from it (documents module, by id and
-- number; the signed PDF lives there). Question/answer pairs and preserved items are rows of their own.
CREATE TABLE case_record (
    id                   BIGSERIAL    PRIMARY KEY,
    case_id              BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    organization_id      BIGINT       NOT NULL,
    kind                 VARCHAR(30)  NOT NULL,
    started_at           TIMESTAMP,
    ended_at             TIMESTAMP,
    place                VARCHAR(300),
    person_name          VARCHAR(100),
    person_gender        VARCHAR(4),
    person_id_number     VARCHAR(18),
    person_phone         VARCHAR(30),
    person_work_unit     VARCHAR(200),
    person_position      VARCHAR(100),
    person_relation      VARCHAR(100),
    officer1_id          BIGINT,
    officer1_name        VARCHAR(60),
    officer1_certificate VARCHAR(40),
    officer2_id          BIGINT,
    officer2_name        VARCHAR(60),
    officer2_certificate VARCHAR(40),
    recorder_id          BIGINT,
    recorder_name        VARCHAR(60),
    content              TEXT,
    details              TEXT,
    signature_note       VARCHAR(1000),
    document_id          BIGINT,
    document_kind        VARCHAR(60),
    document_title       VARCHAR(100),
    document_number      VARCHAR(100),
    idempotency_key      VARCHAR(100) UNIQUE,
    recorded_by_id       BIGINT       NOT NULL,
    recorded_by_name     VARCHAR(60)  NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_record_case ON case_record (case_id, id);

CREATE TABLE case_record_answer (
    record_id BIGINT  NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    question  TEXT    NOT NULL,
    answer    TEXT    NOT NULL,
    PRIMARY KEY (record_id, position)
);

CREATE TABLE case_record_item (
    record_id BIGINT       NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    position  INTEGER      NOT NULL,
    name      VARCHAR(200) NOT NULL,
    spec      VARCHAR(200),
    quantity  VARCHAR(60)  NOT NULL,
    location  VARCHAR(300),
    PRIMARY KEY (record_id, position)
);
