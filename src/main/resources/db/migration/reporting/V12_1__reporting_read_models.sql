-- Reporting read models: maintained from the other modules' events (never by reading their tables).

-- One submitted inspection record as reporting saw it (its contribution, so that a correction can replace it).
CREATE TABLE reporting_visit (
    record_id        BIGINT PRIMARY KEY,
    organization_id  BIGINT      NOT NULL,
    day              DATE        NOT NULL,
    enterprise_id    BIGINT      NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    mode             VARCHAR(16) NOT NULL,
    officers         INT         NOT NULL
);

-- Visits per unit, day, kind and mode: the 家次 and 人次 figures are sums over these rows.
CREATE TABLE reporting_visit_day (
    organization_id  BIGINT      NOT NULL,
    day              DATE        NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    mode             VARCHAR(16) NOT NULL,
    visits           BIGINT      NOT NULL,
    officer_visits   BIGINT      NOT NULL,
    PRIMARY KEY (organization_id, day, kind, mode)
);

-- Visits per unit, year, firm and kind: the 家 figures count the firms with visits > 0.
CREATE TABLE reporting_firm_year (
    organization_id  BIGINT      NOT NULL,
    year             INT         NOT NULL,
    enterprise_id    BIGINT      NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    visits           INT         NOT NULL,
    PRIMARY KEY (organization_id, year, kind, enterprise_id)
);

CREATE INDEX reporting_visit_org_day ON reporting_visit (organization_id, day);
