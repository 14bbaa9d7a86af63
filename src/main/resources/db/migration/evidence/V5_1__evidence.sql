-- Evidence files: one row per upload (who, when, where); the bytes live once on disk under their SHA-256.
CREATE TABLE evidence_file (
    id              BIGSERIAL PRIMARY KEY,
    sha256          CHAR(64)     NOT NULL,
    media_type      VARCHAR(60)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    original_name   VARCHAR(255),
    source          VARCHAR(20)  NOT NULL,
    uploaded_by     BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL,
    captured_at     TIMESTAMPTZ,
    latitude        NUMERIC(9, 6),
    longitude       NUMERIC(9, 6),
    demo            BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX evidence_file_sha256 ON evidence_file (sha256);
CREATE INDEX evidence_file_org ON evidence_file (organization_id);

-- Chain of custody: every store, view and attachment.
CREATE TABLE evidence_custody (
    id          BIGSERIAL PRIMARY KEY,
    evidence_id BIGINT       NOT NULL REFERENCES evidence_file (id),
    action      VARCHAR(20)  NOT NULL,
    user_id     BIGINT,
    username    VARCHAR(64),
    at          TIMESTAMPTZ  NOT NULL,
    detail      VARCHAR(300)
);
CREATE INDEX evidence_custody_evidence ON evidence_custody (evidence_id);

-- Stored evidence is never modified.
CREATE FUNCTION evidence_file_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '证据文件登记信息不可修改';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER evidence_file_no_update BEFORE UPDATE ON evidence_file
    FOR EACH ROW EXECUTE FUNCTION evidence_file_immutable();
