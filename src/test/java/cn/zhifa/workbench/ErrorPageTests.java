package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhifa.Tokens;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** An unexpected failure ({@link FailingTestController}) shows a Chinese page or problem detail, never a stack trace. */
@ZhifaIntegrationTest
class ErrorPageTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void a_page_that_fails_shows_the_chinese_500_page_without_the_exception() throws Exception {
        HttpResponse<String> response = WebUser.loggedIn(port, "officer1").get("/test-failure");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("系统暂时无法完成您的请求")
                .doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void an_api_call_that_fails_gets_a_500_problem_detail_without_the_exception() throws Exception {
        String token = Tokens.of(mvc, "officer1");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/test-failure"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("系统内部错误").doesNotContain("secret internal detail");
    }
}
