-- 权责清单: each enforcement power of the authority, one list per year (the year's version).
CREATE TABLE publicity_power (
    id          BIGSERIAL     PRIMARY KEY,
    list_year   INTEGER       NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    legal_basis VARCHAR(2000) NOT NULL,
    body        VARCHAR(200)  NOT NULL,
    level       VARCHAR(100)  NOT NULL,
    demo        BOOLEAN       NOT NULL DEFAULT FALSE,
    version     INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT publicity_power_kind_check CHECK (kind IN ('PENALTY', 'INSPECTION', 'COERCION', 'REWARD', 'OTHER')),
    CONSTRAINT publicity_power_once UNIQUE (list_year, kind, name)
);
CREATE INDEX publicity_power_year_idx ON publicity_power (list_year, kind);
