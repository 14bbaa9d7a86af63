-- The 责令限期整改指令书 (or 现场处理措施决定书) a hazard registered outside an inspection record was ordered by:
-- the issued document's id in the documents module (several hazards of one registration may share it), so
-- its 复查 can issue the 整改复查意见书 referring to it. Null for inspection hazards (their order is the record's).
ALTER TABLE hazard ADD COLUMN order_document_id BIGINT;
