package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
class SelfReportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_enterprise_reports_a_major_hazard_through_its_link_without_login() throws Exception {
        var firm = InspectionFixtures.enterprise(jdbc, 21);
        String link = mvc.perform(post("/api/v1/hazards/report-links").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + firm.id() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(link, "$.token");
        mvc.perform(get("/hazard-report/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(firm.name())));
        long before = jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e AND status = 'REPORTED' AND level = 'MAJOR'")
                .param("e", firm.id()).query(Long.class).single();
        mvc.perform(multipart("/hazard-report/" + token).file(new MockMultipartFile("files", "x.jpg", "image/jpeg", new byte[]{'M', 'Z', 0, 0}))
                        .param("description", "液氨管道阀门泄漏").param("reporter", "安全员 13800000000").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是可接受的照片")));
        mvc.perform(multipart("/hazard-report/" + token).param("description", "液氨管道阀门泄漏").param("major", "true")
                        .param("reporter", "安全员 13800000000").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e AND status = 'REPORTED' AND level = 'MAJOR'")
                .param("e", firm.id()).query(Long.class).single()).isEqualTo(before + 1);
        mvc.perform(get("/hazard-report/0123456789abcdef0123456789abcdef"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("链接无效")));
    }
}
