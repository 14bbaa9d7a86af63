-- Links through which an enterprise reports its own (major) hazards without an account: one enterprise,
-- create-only, expiring.
CREATE TABLE hazard_report_link (
    token           CHAR(32)     PRIMARY KEY,
    enterprise_id   BIGINT       NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    organization_id BIGINT       NOT NULL,
    created_by      BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    revoked         BOOLEAN      NOT NULL DEFAULT FALSE
);
