-- Town-code prefixes are queried as ranges ([139903, 139904)), which a prepared statement's generic plan can
-- use (a LIKE on a parameter it cannot): a plain btree serves them in any collation, codes being digits.
DROP INDEX enterprise_town_idx;
CREATE INDEX enterprise_town_idx ON enterprise (town_code, id);
