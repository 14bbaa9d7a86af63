-- 效能考评: the indicators of the quarterly score, as data. figure names one of the platform's statistics
-- (cn.zhifa.supervision.ranking.RankingFigure); direction HIGHER = more is better, LOWER = a penalty count;
-- period QUARTER = the quarter's figure, YEAR = the year to the quarter's end. Weights are points out of 100.
CREATE TABLE ranking_indicator (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL,
    figure     VARCHAR(40)   NOT NULL,
    weight     NUMERIC(5, 1) NOT NULL CHECK (weight > 0 AND weight <= 100),
    direction  VARCHAR(10)   NOT NULL CHECK (direction IN ('HIGHER', 'LOWER')),
    period     VARCHAR(10)   NOT NULL CHECK (period IN ('QUARTER', 'YEAR')),
    position   INT           NOT NULL,
    version    INT           NOT NULL DEFAULT 0
);

-- A realistic scheme of a district bureau's 执法效能考评 (local practice, weights to be set by each bureau).
INSERT INTO ranking_indicator (name, figure, weight, direction, period, position) VALUES
    ('人均检查家次', 'VISITS_PER_OFFICER', 25, 'HIGHER', 'QUARTER', 1),
    ('隐患整改率', 'RECTIFICATION_RATE', 20, 'HIGHER', 'QUARTER', 2),
    ('案件查处数', 'CASES_FILED', 20, 'HIGHER', 'QUARTER', 3),
    ('行政处罚公示及时率', 'PUBLICITY_RATE', 10, 'HIGHER', 'YEAR', 4),
    ('投诉举报按期办结率', 'COMPLAINTS_ON_TIME', 10, 'HIGHER', 'YEAR', 5),
    ('执法人员参与率', 'PARTICIPATION_RATE', 5, 'HIGHER', 'YEAR', 6),
    ('逾期件数（逾期隐患与逾期案件）', 'OVERDUE', 10, 'LOWER', 'QUARTER', 7);
