-- The enterprise list counts its matches up to a cap (1,000 → "1000+"). Over a million rows that count, not the
-- page, was the slow part: bitmap scans of the GIN risk index or of two btree indexes read every match
-- (150,000 for 劳动密集型) before the first row counted. Covering indexes let the count stop after cap+1 matches
-- read from the index alone (index-only scan, no heap visit once the visibility map is set by (auto)vacuum):
--  * organisation (the data scope, present in every list query) + id, carrying every filter column and the name,
--    so any filter and the "1000+" probe of a name search are checked inside the index;
--  * town code + id, carrying the filter columns, for town and district filters (one town is 1/15 of the city).
-- They replace the narrow (organization_id, id) and (town_code, id) indexes (same keys, same uses).
DROP INDEX enterprise_org_idx;
CREATE INDEX enterprise_org_idx ON enterprise (organization_id, id)
  INCLUDE (merged_into, town_code, industry_section, industry_division, status, supervision_level, whitelisted,
           risk_features, name, name_initials);
DROP INDEX enterprise_town_idx;
CREATE INDEX enterprise_town_idx ON enterprise (town_code, id)
  INCLUDE (merged_into, organization_id, industry_section, industry_division, status, supervision_level, whitelisted,
           risk_features);
