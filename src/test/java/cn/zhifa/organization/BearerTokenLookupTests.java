package cn.zhifa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.StatementCount;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.internal.ApiTokens;
import cn.zhifa.organization.internal.ZhifaUser;
import cn.zhifa.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18: a bearer token is checked on every terminal request, in one statement (token, user and roles) and no
 * transaction, with nothing cached, so that expiry and locking take effect on the next request.
 */
@ZhifaIntegrationTest
class BearerTokenLookupTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApiTokens tokens;
    @Autowired java.time.Clock clock;

    @Test
    void a_token_its_user_and_roles_are_read_in_one_statement_without_a_transaction() throws Exception {
        String token = Tokens.of(mvc, "officer1");
        ZhifaUser[] user = new ZhifaUser[1];
        StatementCount count = StatementCount.of(() -> user[0] = (ZhifaUser) tokens.introspect(token));
        assertThat(count.statements()).as(String.join("\n", count.sql())).isEqualTo(1);
        assertThat(count.transactions()).isZero();
        assertThat(user[0].username()).isEqualTo("officer1");
        assertThat(user[0].roles()).contains(Role.OFFICER);
        assertThat(user[0].organizationId()).isEqualTo(jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'")
                .query(Long.class).single());
    }

    @Test
    void an_expired_token_and_a_locked_user_s_token_are_refused_at_once() throws Exception {
        String token = Tokens.of(mvc, "officer2");
        tokens.introspect(token);
        try {
            jdbc.sql("UPDATE app_user SET locked_until = ? WHERE username = 'officer2'")
                    .param(java.sql.Timestamp.from(clock.instant().plusSeconds(600))).update();
            assertThatThrownBy(() -> tokens.introspect(token)).isInstanceOf(BadOpaqueTokenException.class)
                    .hasMessageContaining("已锁定");
        } finally {
            jdbc.sql("UPDATE app_user SET locked_until = NULL WHERE username = 'officer2'").update();
        }
        assertThat(tokens.introspect(token).getName()).isNotNull();
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .update();
        assertThatThrownBy(() -> tokens.introspect(token)).isInstanceOf(BadOpaqueTokenException.class)
                .hasMessageContaining("过期");
    }
}
