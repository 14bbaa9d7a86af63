package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.shared.web.PublicAddress;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The self-report link API answers the whole address to send the firm, built like the page's (the public address when
 * {@code zhifa.public-base-url} is set, else the address the officer reached the platform at), besides the token.
 */
@ZhifaIntegrationTest
class SelfReportLinkApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicAddress publicAddress;

    private String newLink(long firm, String forwardedHost) throws Exception {
        return mvc.perform(post("/api/v1/hazards/report-links").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).header("X-Forwarded-Host", forwardedHost)
                        .header("X-Forwarded-Proto", "https").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + firm + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void with_the_public_address_set_the_link_starts_with_it() throws Exception {
        var firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 23);
        ReflectionTestUtils.setField(publicAddress, "configured", "https://zhifa.example.gov.cn");
        try {
            String body = newLink(firm.id(), "intranet.local");
            String token = JsonPath.read(body, "$.token");
            assertThat(token).isNotBlank();
            assertThat((String) JsonPath.read(body, "$.url")).isEqualTo("https://zhifa.example.gov.cn/hazard-report/" + token);
            assertThat((String) JsonPath.read(body, "$.enterpriseName")).isEqualTo(firm.name());
        } finally {
            ReflectionTestUtils.setField(publicAddress, "configured", null);
        }
    }

    @Test
    void without_it_the_link_starts_with_the_address_the_officer_reached_the_platform_at_and_opens() throws Exception {
        var firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 24);
        String body = newLink(firm.id(), "zhifa.city.gov.cn");
        String token = JsonPath.read(body, "$.token");
        String url = JsonPath.read(body, "$.url");
        assertThat(url).isEqualTo("https://zhifa.city.gov.cn/hazard-report/" + token);
        String page = mvc.perform(get(url.substring("https://zhifa.city.gov.cn".length()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(firm.name());
    }
}
