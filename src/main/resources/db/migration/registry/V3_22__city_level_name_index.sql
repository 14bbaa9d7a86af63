-- 市级 firms sorted by name. With only enterprise_city_level_idx (organisation-led) the planner weighed "walk the whole
-- name index and filter" against "fetch all ~30,000 CITY rows and sort them" at nearly the same cost, and after an
-- unlucky ANALYZE sample chose the sort: 重大危险源 + 市级 by name went from p50 2.4 ms to 89.6 ms between two runs of
-- the 1M-firm benchmark on the same data. This partial index (about 2 MB at 1M firms) walks only the CITY rows in name
-- order, so the page stops after 20 matches (0.07 ms in EXPLAIN ANALYZE) and the plan no longer depends on the sample.
CREATE INDEX enterprise_city_level_name_idx ON enterprise (name, id) WHERE supervision_level = 'CITY';
