-- Issue 18 (the province profile): the home page's 待公示 / 逾期未公示 counts read every publication of the user's scope
-- through penalty_publication_org and dropped the published ones at the heap (a province's leader: every decision of
-- the province, on every view). The decisions still awaiting publication are few: an index of them alone.
CREATE INDEX penalty_publication_awaiting ON penalty_publication (organization_id, due_on)
    WHERE published_on IS NULL AND withdrawn_on IS NULL;
