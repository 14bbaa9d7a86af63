-- 查封、扣押 物品的检测、检验、检疫或者技术鉴定期间 (行政强制法第二十五条第三款): not counted in the measure's term.
CREATE TABLE coercive_measure_testing (
    id             BIGSERIAL    PRIMARY KEY,
    penalty_case   BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    measure_number INTEGER      NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    subject        VARCHAR(300) NOT NULL,
    from_on        DATE         NOT NULL,
    to_on          DATE         NOT NULL,
    notice_number  VARCHAR(60),
    notified_on    DATE         NOT NULL,
    recorded_by    VARCHAR(60)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    CHECK (to_on >= from_on)
);
CREATE INDEX coercive_measure_testing_case ON coercive_measure_testing (penalty_case, measure_number);
