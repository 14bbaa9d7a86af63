package cn.zhifa.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    /** Fixed keys in memory, as a 密码机 would hold them. */
    static class MemoryKeys implements KeyProvider {
        final Map<String, byte[]> secrets = new HashMap<>();

        @Override
        public byte[] secret(String name, int bytes) {
            return secrets.computeIfAbsent(name, n -> {
                byte[] key = new byte[bytes];
                for (int i = 0; i < bytes; i++) {
                    key[i] = (byte) (n.hashCode() + i);
                }
                return key;
            }).clone();
        }

        @Override
        public Sm2.KeyPair signingKey(String name) {
            throw new UnsupportedOperationException();
        }
    }

    private final MemoryKeys keys = new MemoryKeys();
    private final FieldCipher cipher = new FieldCipher(keys, "f1");

    @Test
    void sm4_block_is_the_gbt_32907_annex_a_example() {
        byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        assertThat(HexFormat.of().formatHex(Guomi.sm4Block(key, key))).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void a_sealed_id_number_is_versioned_carries_no_clear_text_and_opens_to_the_same_value() {
        String sealed = cipher.seal("case_record.person_id_number", "11010119900307123X");

        assertThat(sealed).startsWith("sm4gcm:v1:f1:").doesNotContain("11010119900307123X").doesNotContain("1990");
        byte[] body = Base64.getDecoder().decode(sealed.substring("sm4gcm:v1:f1:".length()));
        assertThat(body).hasSize(12 + 18 + 16);
        assertThat(cipher.open("case_record.person_id_number", sealed)).isEqualTo("11010119900307123X");
        assertThat(cipher.seal("case_record.person_id_number", "11010119900307123X")).isNotEqualTo(sealed);
    }

    @Test
    void sealing_is_idempotent_and_leaves_empty_values_alone() {
        String sealed = cipher.seal("app_user.phone", "13900001234");
        assertThat(cipher.seal("app_user.phone", sealed)).isSameAs(sealed);
        assertThat(cipher.seal("app_user.phone", null)).isNull();
        assertThat(cipher.seal("app_user.phone", "")).isEmpty();
        assertThat(cipher.open("app_user.phone", null)).isNull();
        assertThat(cipher.open("app_user.phone", "13900001234")).isEqualTo("13900001234");
    }

    @Test
    void an_altered_value_a_value_moved_to_another_column_or_a_missing_key_does_not_open() {
        String sealed = cipher.seal("complaint.reporter_phone", "13900001234");
        byte[] body = Base64.getDecoder().decode(sealed.substring("sm4gcm:v1:f1:".length()));
        body[14] ^= 1;
        String altered = "sm4gcm:v1:f1:" + Base64.getEncoder().encodeToString(body);

        assertThatThrownBy(() -> cipher.open("complaint.reporter_phone", altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("app_user.phone", sealed)).isInstanceOf(IllegalStateException.class);
        FieldCipher otherKeys = new FieldCipher(new MemoryKeys() {
            @Override
            public byte[] secret(String name, int bytes) {
                return new byte[bytes];
            }
        }, "f1");
        assertThatThrownBy(() -> otherKeys.open("complaint.reporter_phone", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_rotation_old_values_still_open_and_reseal_moves_them_to_the_new_key() {
        String old = cipher.seal("supervisor.id_number", "110101199003071234");
        FieldCipher rotated = new FieldCipher(keys, "f2");

        assertThat(rotated.open("supervisor.id_number", old)).isEqualTo("110101199003071234");
        assertThat(rotated.isCurrent(old)).isFalse();
        String moved = rotated.reseal("supervisor.id_number", old);
        assertThat(moved).startsWith("sm4gcm:v1:f2:");
        assertThat(rotated.open("supervisor.id_number", moved)).isEqualTo("110101199003071234");
        assertThat(rotated.reseal("supervisor.id_number", moved)).isSameAs(moved);
        assertThat(rotated.reseal("supervisor.id_number", "110101199003071234")).startsWith("sm4gcm:v1:f2:");
    }

    @Test
    void the_lookup_hash_is_keyed_normalised_and_separate_per_kind() {
        String hash = cipher.lookupHash("id-number", "11010119900307123x");

        assertThat(hash).hasSize(64).isEqualTo(cipher.lookupHash("id-number", " 11010119900307123X "));
        assertThat(cipher.lookupHash("phone", "11010119900307123X")).isNotEqualTo(hash);
        assertThat(HexFormat.of().formatHex(Guomi.sm3("ID-NUMBER\u001f11010119900307123X".getBytes()))).isNotEqualTo(hash);
        assertThat(new FieldCipher(new MemoryKeys() {
            @Override
            public byte[] secret(String name, int bytes) {
                return new byte[bytes];
            }
        }, "f1").lookupHash("id-number", "11010119900307123X")).isNotEqualTo(hash);
        assertThat(cipher.lookupHash("phone", null)).isNull();
    }

    @Test
    void a_key_id_that_could_break_the_format_is_refused() {
        assertThatThrownBy(() -> new FieldCipher(keys, "a:b")).isInstanceOf(IllegalArgumentException.class);
    }
}
