-- Photos of a 专职安全员's assisting visit (协助检查): files of the evidence store (content-addressed, with their chain
-- of custody), linked here in the order they were taken.
CREATE TABLE township_staff_visit_photo (
    visit_id    BIGINT  NOT NULL REFERENCES township_staff_visit (id) ON DELETE CASCADE,
    evidence_id BIGINT  NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (visit_id, evidence_id)
);
