-- issue 14 (GB/T 39786-2021 level 3): the ID number and phone of the person in an on-site record are stored SM4-GCM
-- sealed (shared.crypto.FieldCipher), so the columns widen; existing rows are sealed at start-up.
ALTER TABLE case_record ALTER COLUMN person_id_number TYPE VARCHAR(200);
ALTER TABLE case_record ALTER COLUMN person_phone TYPE VARCHAR(200);
