-- 执法装备台账: one row per item (执法记录仪, 执法终端, 便携打印机, 车辆, 询问室, 检测仪器), kept by a unit, held by an
-- officer (holder_user_id is the user's id, holder_name a copy taken when assigned), 在用/维修/报废.
CREATE TABLE equipment (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    kind            VARCHAR(30)  NOT NULL,
    number          VARCHAR(60)  NOT NULL,
    model           VARCHAR(100),
    holder_user_id  BIGINT,
    holder_name     VARCHAR(60),
    status          VARCHAR(20)  NOT NULL,
    purchased_on    DATE,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT equipment_number_unique UNIQUE (kind, number)
);
CREATE INDEX equipment_org_kind ON equipment (organization_id, kind, status);
