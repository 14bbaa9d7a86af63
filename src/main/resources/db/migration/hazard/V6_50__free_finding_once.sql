-- issue 18: a finding without a checklist item (a free finding) has no (origin record, item) key, so a second delivery
-- of the same FindingsRecorded registered it again. Each one is now keyed by its record and its place in the record's
-- findings; the key is taken before the hazard is saved, in the same transaction.
CREATE TABLE hazard_free_finding (
    record_id BIGINT  NOT NULL,
    ordinal   INTEGER NOT NULL,
    PRIMARY KEY (record_id, ordinal)
);
