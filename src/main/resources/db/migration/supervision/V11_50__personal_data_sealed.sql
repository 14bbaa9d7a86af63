-- issue 14 (GB/T 39786-2021 level 3): the reporter's phone is stored SM4-GCM sealed (shared.crypto.FieldCipher), so
-- the column widens; existing rows are sealed at start-up.
ALTER TABLE complaint ALTER COLUMN reporter_phone TYPE VARCHAR(200);
