-- publicity: one publication per 行政处罚决定 (general procedure), copied from casework's decision event.
CREATE TABLE penalty_publication (
    id                   BIGSERIAL PRIMARY KEY,
    -- the case's id is unknown when a case is built and decided before its first save (the demo loader does so);
    -- the case number identifies the case then
    case_id              BIGINT,
    case_number          VARCHAR(60)  NOT NULL UNIQUE,
    organization_id      BIGINT       NOT NULL,
    decision_number      VARCHAR(120) NOT NULL,
    person               BOOLEAN      NOT NULL,
    party_name           VARCHAR(200) NOT NULL,
    party_code           VARCHAR(40),
    legal_representative VARCHAR(100),
    party_address        VARCHAR(300),
    violation            TEXT         NOT NULL,
    facts                TEXT,
    basis                VARCHAR(300),
    penalty              TEXT         NOT NULL,
    other_measures       TEXT,
    fine_yuan            NUMERIC(16, 2),
    authority            VARCHAR(200) NOT NULL,
    decided_on           DATE         NOT NULL,
    due_on               DATE         NOT NULL,
    due_provisional      BOOLEAN      NOT NULL DEFAULT FALSE,
    published_on         DATE,
    published_by         VARCHAR(100),
    expires_on           DATE,
    changed_on           DATE,
    withdrawal_due_on    DATE,
    withdrawn_on         DATE,
    withdrawal_reason    TEXT,
    withdrawn_by         VARCHAR(100),
    version              INTEGER      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX penalty_publication_org ON penalty_publication (organization_id, due_on);
CREATE INDEX penalty_publication_public ON penalty_publication (published_on DESC) WHERE published_on IS NOT NULL AND withdrawn_on IS NULL;

CREATE TABLE publication_channel (
    publication_id BIGINT      NOT NULL REFERENCES penalty_publication (id),
    channel        VARCHAR(30) NOT NULL,
    sent_on        DATE        NOT NULL,
    PRIMARY KEY (publication_id, channel)
);

-- the daily sweep's 临期/逾期 warnings to the case unit, one per publication, level and day
CREATE TABLE publication_warning (
    publication_id  BIGINT      NOT NULL REFERENCES penalty_publication (id),
    organization_id BIGINT      NOT NULL,
    level           VARCHAR(10) NOT NULL,
    due_on          DATE        NOT NULL,
    raised_on       DATE        NOT NULL,
    PRIMARY KEY (publication_id, level, raised_on)
);
