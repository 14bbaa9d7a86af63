-- Terminal clients send an Idempotency-Key (client UUID) with every create; a retry returns the first answer.
CREATE TABLE idempotent_request (
    user_id         BIGINT       NOT NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    operation       VARCHAR(80)  NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
