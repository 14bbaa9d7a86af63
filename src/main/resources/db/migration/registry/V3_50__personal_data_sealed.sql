-- issue 14 (GB/T 39786-2021 level 3): ID numbers and phones of enterprises' representatives and of supervisors are
-- stored SM4-GCM sealed (shared.crypto.FieldCipher), so the columns widen; existing rows are sealed at start-up.
ALTER TABLE enterprise ALTER COLUMN legal_representative_id TYPE VARCHAR(200);
ALTER TABLE enterprise ALTER COLUMN principal_phone TYPE VARCHAR(200);
ALTER TABLE enterprise ALTER COLUMN safety_phone TYPE VARCHAR(200);
ALTER TABLE enterprise ALTER COLUMN legal_representative_phone TYPE VARCHAR(200);
ALTER TABLE supervisor ALTER COLUMN id_number TYPE VARCHAR(200);
ALTER TABLE supervisor ALTER COLUMN phone TYPE VARCHAR(200);
-- the change history keeps phones masked from now on (ID numbers already were): mask what it holds in clear
UPDATE enterprise_change SET old_value = left(old_value, 3) || '****' || right(old_value, 4)
 WHERE field LIKE '%电话' AND length(old_value) >= 7 AND old_value NOT LIKE '%****%';
UPDATE enterprise_change SET new_value = left(new_value, 3) || '****' || right(new_value, 4)
 WHERE field LIKE '%电话' AND length(new_value) >= 7 AND new_value NOT LIKE '%****%';
