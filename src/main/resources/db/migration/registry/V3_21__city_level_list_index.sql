-- 市级 (supervision_level CITY) firms are the city bureau's own list, about 3 % of the registry and mostly the ones with
-- a 重大危险源. The planner cannot see that correlation (it multiplies the two selectivities and expects 25 times fewer
-- rows), so counting "市级 + 重大危险源" scanned the whole organisation index with parallel workers. This small partial
-- covering index holds only the CITY rows, so their count stops after cap+1 index entries. It leads with the
-- organisation (the data scope) rather than id on purpose: an id-led index looks physically ordered to the planner,
-- which then preferred it for the page ("fetch all 30,000 CITY rows and sort them by name").
CREATE INDEX enterprise_city_level_idx ON enterprise (organization_id, id)
  INCLUDE (merged_into, town_code, industry_section, industry_division, status, whitelisted, risk_features)
  WHERE supervision_level = 'CITY';
