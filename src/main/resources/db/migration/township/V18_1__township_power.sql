-- 乡镇（街道）赋权、委托: a power of the 权责清单 a township unit exercises, by 赋权 (own name, 代字, numbering)
-- or 委托 (in the bureau's name and numbering), under a legal instrument, for a period.
CREATE TABLE township_power (
    id                BIGSERIAL     PRIMARY KEY,
    organization_id   BIGINT        NOT NULL,
    power_id          BIGINT        NOT NULL,
    power_kind        VARCHAR(20)   NOT NULL,
    power_name        VARCHAR(200)  NOT NULL,
    mode              VARCHAR(20)   NOT NULL,
    own_short_name    VARCHAR(20),
    instrument_title  VARCHAR(200)  NOT NULL,
    instrument_number VARCHAR(100)  NOT NULL,
    valid_from        DATE          NOT NULL,
    valid_to          DATE,
    demo              BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ   NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    version           INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT township_power_mode_check CHECK (mode IN ('GRANTED', 'ENTRUSTED')),
    CONSTRAINT township_power_own_name CHECK (mode = 'ENTRUSTED' OR own_short_name IS NOT NULL),
    CONSTRAINT township_power_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX township_power_org_idx ON township_power (organization_id, power_kind);
