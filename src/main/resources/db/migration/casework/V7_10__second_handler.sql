-- 执法人员不得少于两人 (行政处罚法第四十二条): the second 承办人 named at 立案, who signs the approval forms with the handler.
alter table penalty_case add column co_handler_id bigint;
alter table penalty_case add column co_handler_name varchar(80);
