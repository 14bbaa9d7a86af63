-- issue 14 (GB/T 39786-2021 level 3): the representative's phone is stored SM4-GCM sealed (shared.crypto.FieldCipher),
-- so the column widens. A submitted record stays immutable, except that the start-up step may seal (or, after a key
-- rotation, re-seal) its phone: an update that changes nothing else and leaves a sealed value.
ALTER TABLE inspection_record ALTER COLUMN representative_phone TYPE VARCHAR(200);

CREATE OR REPLACE FUNCTION inspection_record_guard() RETURNS trigger AS $$
DECLARE
    probe inspection_record;
BEGIN
    IF OLD.status <> 'DRAFT' AND NOT (OLD.status = 'SUBMITTED' AND NEW.status = 'SUPERSEDED') THEN
        probe := NEW;
        probe.representative_phone := OLD.representative_phone;
        IF probe IS NOT DISTINCT FROM OLD AND NEW.representative_phone LIKE 'sm4gcm:v1:%' THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '已提交的现场检查记录不可修改';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
