package cn.zhifa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.zhifa.OwnerDatabase;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
@Tag("external-db")
class AuditChainTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    ApplicationContext context;

    @Test
    void every_mutating_request_is_recorded_with_who_what_and_outcome() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin().user("admin").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        long before = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
        mvc.perform(post("/admin/organizations").param("name", "").param("kind", "TOWNSHIP").session(admin).with(csrf()));

        var row = jdbc.sql("SELECT actor, action, outcome, client_address FROM audit_log WHERE id > ? AND action = '新增单位'")
                .param(before).query().singleRow();
        assertThat(row.get("actor")).isEqualTo("admin");
        assertThat(row.get("outcome")).isEqualTo("REJECTED");
        assertThat(row.get("client_address")).isNotNull();
    }

    @Test
    void the_database_refuses_to_update_or_delete_audit_rows_even_for_the_owner() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType("application/json").content("{\"username\":\"nobody\",\"password\":\"x\"}"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isPositive();
        JdbcClient asOwner = JdbcClient.create(owner().dataSource());
        assertThatThrownBy(() -> asOwner.sql("UPDATE audit_log SET actor = 'x' WHERE id = (SELECT min(id) FROM audit_log)").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void an_altered_row_breaks_the_chain_at_that_row_and_the_auditor_sees_where() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType("application/json").content("{\"username\":\"officer2\",\"password\":\"x\"}"));
        String auditor = Tokens.bearer(mvc, "auditor");
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor)).andExpect(jsonPath("$.intact").value(true));

        long victim = jdbc.sql("SELECT max(id) FROM audit_log WHERE actor = 'officer2'").query(Long.class).single();
        String original = jdbc.sql("SELECT detail FROM audit_log WHERE id = ?").param(victim).query(String.class).single();
        tamper(victim, "篡改");
        try {
            String result = mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor))
                    .andReturn().getResponse().getContentAsString();
            assertThat((Boolean) JsonPath.read(result, "$.intact")).isFalse();
            assertThat(((Number) JsonPath.read(result, "$.firstBrokenId")).longValue()).isEqualTo(victim);
            assertThat((String) JsonPath.read(result, "$.problem")).contains("已被篡改");

            MockHttpSession page = (MockHttpSession) mvc.perform(formLogin().user("auditor").password(Tokens.DEMO_PASSWORD))
                    .andReturn().getRequest().getSession();
            assertThat(mvc.perform(get("/audit/verify").session(page)).andReturn().getResponse().getContentAsString())
                    .contains("哈希链在第 <strong>" + victim + "</strong> 条记录处断开");
        } finally {
            tamper(victim, original);
        }
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor)).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void a_changed_row_whose_chain_was_re_hashed_without_the_key_is_still_caught() {
        mvc_login_failure("officer2");
        inRolledBackTransaction(() -> {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            long last = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
            var row = jdbc.sql("SELECT * FROM audit_log WHERE id = ?").param(last).query().singleRow();
            // the attacker rewrites the newest row and re-computes its hash as the unkeyed chain did
            String forged = sha256(String.join("\u001f", String.valueOf(last),
                    ((java.time.OffsetDateTime) jdbc.sql("SELECT occurred_at FROM audit_log WHERE id = ?").param(last)
                            .query(java.time.OffsetDateTime.class).single()).toInstant().toString(),
                    (String) row.get("actor"), "", "", (String) row.get("action"), "", "", (String) row.get("outcome"),
                    "改写", "", (String) row.get("previous_hash")));
            jdbc.sql("UPDATE audit_log SET detail = '改写', actor_id = NULL, organization_id = NULL, target_type = NULL, "
                    + "target_id = NULL, client_address = NULL, hash = ? WHERE id = ?").params(forged, last).update();

            ChainCheck check = trail.verifyChain();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenId()).isEqualTo(last);
            assertThat(check.problem()).contains("已被篡改");
        });
    }

    @Test
    void deleting_the_newest_rows_or_emptying_the_table_is_caught_against_the_signed_checkpoint() throws Exception {
        String auditor = Tokens.bearer(mvc, "auditor");
        String anchored = mvc.perform(post("/api/v1/audit/checkpoints").header("Authorization", auditor))
                .andExpect(jsonPath("$.intact").value(true)).andReturn().getResponse().getContentAsString();
        long head = ((Number) JsonPath.read(anchored, "$.expectedHeadId")).longValue();
        long rows = ((Number) JsonPath.read(anchored, "$.expectedRows")).longValue();
        assertThat(((Number) JsonPath.read(anchored, "$.foundRows")).longValue()).isEqualTo(rows);
        assertThat((String) JsonPath.read(anchored, "$.expectedHeadHash")).hasSize(64);

        inRolledBackTransaction(() -> {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            jdbc.sql("DELETE FROM audit_log WHERE id >= coalesce((SELECT max(id) FROM audit_log WHERE id < ?), ?)")
                    .params(head, head).update();
            ChainCheck check = trail.verifyChain();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenId()).isEqualTo(head);
            assertThat(check.expectedRows()).isEqualTo(rows);
            assertThat(check.problem()).contains("第 " + head + " 条记录已不存在");
        });
        inRolledBackTransaction(() -> {
            // since V1_80 every partition has its own TRUNCATE guard (statement triggers are not cloned): the owner
            // has to disable them one by one too
            jdbc.sql("""
                    DO $$
                    DECLARE part REGCLASS;
                    BEGIN
                      ALTER TABLE audit_log DISABLE TRIGGER USER;
                      FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_log'::regclass LOOP
                        EXECUTE format('ALTER TABLE %s DISABLE TRIGGER USER', part);
                      END LOOP;
                    END
                    $$""").update();
            jdbc.sql("TRUNCATE audit_log").update();
            ChainCheck check = trail.verifyChain();
            assertThat(check.intact()).isFalse();
            assertThat(check.tableRows()).isZero();
            assertThat(check.foundRows()).isEqualTo(check.archivedRows()).isLessThan(rows);
            assertThat(check.problem()).contains("整张表被清空");
        });
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", auditor)).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void the_database_refuses_truncate_of_the_audit_log_and_its_archives_even_for_the_owner() {
        JdbcClient asOwner = JdbcClient.create(owner().dataSource());
        assertThatThrownBy(() -> asOwner.sql("TRUNCATE audit_log").update()).hasMessageContaining("TRUNCATE refused");
        // and each of its yearly partitions (V1_80), which TRUNCATE can name directly
        for (String partition : jdbc.sql("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'audit_log'::regclass")
                .query(String.class).list()) {
            assertThatThrownBy(() -> asOwner.sql("TRUNCATE " + partition).update()).as(partition).hasMessageContaining("TRUNCATE refused");
        }
        assertThatThrownBy(() -> asOwner.sql("TRUNCATE audit_archive").update()).hasMessageContaining("TRUNCATE refused");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isPositive();
    }

    @Test
    void new_rows_are_keyed_with_hmac_sm3_not_the_plain_digest_of_the_row() {
        mvc_login_failure("officer2");
        var row = jdbc.sql("SELECT scheme, hash FROM audit_log ORDER BY id DESC LIMIT 1").query().singleRow();
        assertThat(row.get("scheme")).isEqualTo("HMAC-SM3");
        assertThat((String) row.get("hash")).hasSize(64);
    }

    private void mvc_login_failure(String user) {
        try {
            mvc.perform(post("/api/v1/auth/token").contentType("application/json")
                    .content("{\"username\":\"" + user + "\",\"password\":\"x\"}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tampering needs the owner role (the application's role may not disable a trigger): see {@link OwnerDatabase}. */
    private void inRolledBackTransaction(Runnable work) {
        owner().inRolledBackTransaction(asOwner -> work.run());
    }

    private OwnerDatabase owner() {
        return OwnerDatabase.of(context);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void tamper(long id, String detail) {
        owner().committed(jdbc -> tamper(jdbc, id, detail));
    }

    private static void tamper(JdbcClient jdbc, long id, String detail) {
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
        try {
            jdbc.sql("UPDATE audit_log SET detail = ? WHERE id = ?").params(detail, id).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        }
    }
}
