-- 隐患曝光台: hazards a leader flagged 曝光 (from hazard's HazardExposed), their state kept from hazard's events.
CREATE TABLE publicity_exposure (
    hazard_id       BIGINT        PRIMARY KEY,
    organization_id BIGINT        NOT NULL,
    enterprise_id   BIGINT        NOT NULL,
    enterprise_name VARCHAR(200)  NOT NULL,
    level_label     VARCHAR(20)   NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    found_on        DATE          NOT NULL,
    status          VARCHAR(40)   NOT NULL,
    exposed_on      DATE          NOT NULL,
    withdrawn_on    DATE,
    demo            BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX publicity_exposure_public_idx ON publicity_exposure (exposed_on DESC) WHERE withdrawn_on IS NULL;
