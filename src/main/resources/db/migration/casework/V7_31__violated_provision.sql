-- The provision the party breached, as the 呈批表, 告知书 and 决定书 cite it (e.g. 《中华人民共和国安全生产法》第四十一条第二款),
-- instead of the penalty article's summary of the duties it covers.
ALTER TABLE penalty_case ADD COLUMN violated_provision VARCHAR(200);
