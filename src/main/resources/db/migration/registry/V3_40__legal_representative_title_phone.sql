-- 法定代表人（负责人）的职务和联系电话: the case documents (呈批表, 告知书, 决定书 …) print the party's 职务 and phone
-- from the registry. Optional: older records and import files without them stay valid.
ALTER TABLE enterprise ADD COLUMN legal_representative_title VARCHAR(30);
ALTER TABLE enterprise ADD COLUMN legal_representative_phone VARCHAR(20);
