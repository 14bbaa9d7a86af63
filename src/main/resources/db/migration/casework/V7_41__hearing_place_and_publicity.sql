-- casework: the 听证通知书 names the place (行政处罚法第六十四条第二项), and a hearing is public unless it concerns
-- 国家秘密、商业秘密或者个人隐私 (第六十四条第三项): the reason it is held in private, null when public.
ALTER TABLE penalty_case ADD COLUMN hearing_place VARCHAR(200);
ALTER TABLE penalty_case ADD COLUMN hearing_private_reason TEXT;
