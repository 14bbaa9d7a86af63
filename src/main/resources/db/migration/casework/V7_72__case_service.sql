-- 送达地址确认书 (行政处罚法第六十一条第二款: electronic service only with the party's consent in a signed 确认书) and the
-- service of each issued document of a case (民事诉讼法第八十七条至第九十五条 as 行政处罚法第六十一条 refers to them).
CREATE TABLE service_address_confirmation (
    id                 BIGSERIAL    PRIMARY KEY,
    penalty_case       BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    address            VARCHAR(300) NOT NULL,
    recipient          VARCHAR(60)  NOT NULL,
    phone              VARCHAR(40),
    electronic_address VARCHAR(200),
    electronic_consent BOOLEAN      NOT NULL,
    signed_by          VARCHAR(60)  NOT NULL,
    confirmed_on       DATE         NOT NULL,
    document_id        BIGINT,
    document_number    VARCHAR(80),
    recorded_by        VARCHAR(60)  NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX service_address_confirmation_case ON service_address_confirmation (penalty_case);

CREATE TABLE case_service (
    id              BIGSERIAL    PRIMARY KEY,
    penalty_case    BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    document_id     BIGINT       NOT NULL,
    document_kind   VARCHAR(60)  NOT NULL,
    document_title  VARCHAR(120) NOT NULL,
    document_number VARCHAR(80),
    issued_on       DATE         NOT NULL,
    method          VARCHAR(20)  NOT NULL,
    event_on        DATE         NOT NULL,
    served_on       DATE         NOT NULL,
    recipient       VARCHAR(120),
    receipt_number  VARCHAR(80),
    confirmation_id BIGINT       REFERENCES service_address_confirmation (id),
    recorded_by     VARCHAR(60)  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (penalty_case, document_id)
);
