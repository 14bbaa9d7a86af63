-- Files received with or gathered for a complaint: evidence files (evidence module, by id) attached to the complaint.
CREATE TABLE complaint_attachment (
    id          BIGSERIAL PRIMARY KEY,
    complaint   BIGINT      NOT NULL REFERENCES complaint (id),
    evidence_id BIGINT      NOT NULL,
    attached_by BIGINT      NOT NULL,
    attached_at TIMESTAMPTZ NOT NULL,
    UNIQUE (complaint, evidence_id)
);
