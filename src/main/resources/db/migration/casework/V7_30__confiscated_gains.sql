-- 没收违法所得 (行政处罚法第二十八条第二款): decided with the penalty, recorded on the case and printed on its documents.
ALTER TABLE penalty_case ADD COLUMN confiscated_gains_yuan NUMERIC(16, 2);
