-- Issue 19: where a hazard was found, as the phone's GPS gave it (WGS-84, six decimals, about 0.1 m), next to the
-- typed location; both or neither.
ALTER TABLE hazard ADD COLUMN latitude numeric(9, 6), ADD COLUMN longitude numeric(9, 6);
ALTER TABLE hazard ADD CONSTRAINT hazard_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL)),
    ADD CONSTRAINT hazard_position_range CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180);
