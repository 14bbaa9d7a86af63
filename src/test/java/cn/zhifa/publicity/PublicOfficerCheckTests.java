package cn.zhifa.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.ZhifaIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 亮证: anyone checks an officer's 行政执法证 by number, without login. */
@ZhifaIntegrationTest
class PublicOfficerCheckTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anyone_sees_the_name_body_and_validity_of_a_certificate_and_a_clear_message_for_an_unknown_number() throws Exception {
        var row = jdbc.sql("""
                        SELECT c.certificate_no, c.officer_name FROM officer_certificate c JOIN app_user u ON u.id = c.user_id
                        WHERE u.username = 'officer1' AND c.status = 'VALID' AND c.expires_on > CURRENT_DATE + 60""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().get(0);
        mvc.perform(get("/api/v1/public/officers/" + row[0]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(row[1]))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.standing").value("有效"))
                .andExpect(jsonPath("$.body").value("示例市东城区应急管理局"));
        String page = mvc.perform(get("/public/officers/" + row[0])).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(row[1]).contains("该执法证今日有效");

        mvc.perform(get("/api/v1/public/officers/NO-SUCH-1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未查到证号为NO-SUCH-1的行政执法证。"));
        assertThat(mvc.perform(get("/public/officers/NO-SUCH-1")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未查到证号为");
    }
}
