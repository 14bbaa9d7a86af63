-- issue 14 (GB/T 39786-2021 level 3): users' phones and TOTP secrets are stored SM4-GCM sealed
-- (shared.crypto.FieldCipher: sm4gcm:v1:<keyId>:<base64(nonce|ct|tag)>), so the columns widen. A user is found by
-- the exact phone through its keyed hash (HMAC-SM3, hex). Existing rows are sealed by the start-up step
-- (shared.crypto.PersonalDataSealing), which recognises sealed values by their prefix.
ALTER TABLE app_user ALTER COLUMN phone TYPE VARCHAR(200);
ALTER TABLE app_user ADD COLUMN phone_hash VARCHAR(64);
CREATE INDEX app_user_phone_hash_idx ON app_user (phone_hash);
ALTER TABLE second_factor ALTER COLUMN secret TYPE VARCHAR(200);
