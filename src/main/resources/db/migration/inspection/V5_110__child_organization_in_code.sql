-- Issue 18 (past one database): the record's and the task's child rows get their organisation id in code (the record
-- gives its children the id before each save, the task builds its members with it), because Citus runs no triggers on
-- distributed tables. The BEFORE INSERT triggers of V5_95 and their functions go; the column stays NOT NULL.
DROP TRIGGER inspection_item_result_organization ON inspection_item_result;
DROP TRIGGER inspection_record_photo_organization ON inspection_record_photo;
DROP TRIGGER inspection_signature_organization ON inspection_signature;
DROP TRIGGER inspection_record_member_organization ON inspection_record_member;
DROP TRIGGER inspection_task_member_organization ON inspection_task_member;
DROP FUNCTION inspection_record_child_organization();
DROP FUNCTION inspection_task_child_organization();
