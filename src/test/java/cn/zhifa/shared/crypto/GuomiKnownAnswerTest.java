package cn.zhifa.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class GuomiKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm3_of_abc_is_the_gbt_32905_example_1() {
        assertThat(HEX.formatHex(Guomi.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3_of_sixty_four_bytes_is_the_gbt_32905_example_2() {
        assertThat(HEX.formatHex(Guomi.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sm4_encrypts_the_gbt_32907_annex_a_block() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        assertThat(HEX.formatHex(Guomi.sm4Block(key, key))).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4_gcm_matches_the_rfc_8998_vector() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] nonce = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        assertThat(HEX.formatHex(Guomi.gcm(true, key, nonce, plain, aad))).isEqualTo(
                "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                        + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                        + "83de3541e4c2b58177e065a9bf7b62ec");
    }

    @Test
    void sm4_gcm_round_trips_and_refuses_a_changed_ciphertext_or_context() {
        byte[] key = HEX.parseHex("00112233445566778899aabbccddeeff");
        byte[] aad = "person.id_number".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Guomi.sm4GcmEncrypt(key, "110101199003071234".getBytes(StandardCharsets.UTF_8), aad);
        assertThat(new String(Guomi.sm4GcmDecrypt(key, sealed, aad), StandardCharsets.UTF_8)).isEqualTo("110101199003071234");
        assertThat(Guomi.sm4GcmEncrypt(key, "x".getBytes(StandardCharsets.UTF_8), aad))
                .isNotEqualTo(Guomi.sm4GcmEncrypt(key, "x".getBytes(StandardCharsets.UTF_8), aad));

        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> Guomi.sm4GcmDecrypt(key, sealed, aad)).isInstanceOf(IllegalArgumentException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> Guomi.sm4GcmDecrypt(key, sealed, "officer.phone".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hmac_sm3_depends_on_the_key_and_is_not_the_plain_digest() {
        byte[] data = "row".getBytes(StandardCharsets.UTF_8);
        byte[] one = Guomi.hmacSm3(new byte[32], data);
        assertThat(one).hasSize(32).isEqualTo(Guomi.hmacSm3(new byte[32], data));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(Guomi.hmacSm3(otherKey, data)).isNotEqualTo(one);
        assertThat(one).isNotEqualTo(Guomi.sm3(data));
    }

    @Test
    void an_sm2_signature_verifies_with_its_public_key_only_and_only_for_its_message() {
        Sm2.KeyPair pair = Sm2.generate();
        byte[] message = "文书哈希".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(pair.privateKey(), message);
        assertThat(pair.publicKey()).hasSize(65);
        assertThat(Sm2.verify(pair.publicKey(), message, signature)).isTrue();
        assertThat(Sm2.verify(pair.publicKey(), "文书哈希 ".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Sm2.verify(Sm2.generate().publicKey(), message, signature)).isFalse();
        assertThat(Sm2.verify(pair.publicKey(), message, new byte[]{1, 2, 3})).isFalse();
    }

    @Test
    void file_keys_are_created_once_owner_only_and_configuration_overrides_them(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        FileKeyProvider provider = new FileKeyProvider(keys, dir.resolve("data"), new MockEnvironment());
        byte[] secret = provider.secret("audit-chain", 32);
        Sm2.KeyPair signing = provider.signingKey("signing");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-chain.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        FileKeyProvider restarted = new FileKeyProvider(keys, dir.resolve("data"), new MockEnvironment());
        assertThat(restarted.secret("audit-chain", 32)).isEqualTo(secret);
        assertThat(restarted.signingKey("signing").publicKey()).isEqualTo(signing.publicKey());

        FileKeyProvider configured = new FileKeyProvider(keys, dir.resolve("data"),
                new MockEnvironment().withProperty("zhifa.crypto.keys.audit-chain", "ab".repeat(32)));
        assertThat(configured.secret("audit-chain", 32)).isEqualTo(HEX.parseHex("ab".repeat(32)));
        assertThatThrownBy(() -> configured.secret("audit-chain", 16)).isInstanceOf(IllegalStateException.class);
    }
}
