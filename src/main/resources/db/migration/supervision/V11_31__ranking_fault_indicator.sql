-- 效能考评: 执法过错 counts as a penalty indicator. The seeded 逾期件数 gives 5 of its 10 points to it, so the seeded
-- scheme keeps 100 points; a scheme a bureau already changed keeps its weights.
UPDATE ranking_indicator SET weight = 5, version = version + 1 WHERE figure = 'OVERDUE' AND weight = 10 AND version = 0;
INSERT INTO ranking_indicator (name, figure, weight, direction, period, position)
VALUES ('执法过错件数', 'FAULTS', 5, 'LOWER', 'YEAR', 8);
