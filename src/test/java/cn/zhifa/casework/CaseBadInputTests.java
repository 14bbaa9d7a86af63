package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Out-of-order transitions, fines outside the legal range and double approvals: a Chinese refusal, nothing changed. */
@ZhifaIntegrationTest
@Tag("external-db")
class CaseBadInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.zhifa.documents.DocumentManagement documents;

    CaseApiSupport api;
    long org;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long steps(long id) {
        return jdbc.sql("SELECT count(*) FROM case_step WHERE penalty_case = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void a_transition_out_of_order_or_by_the_wrong_role_is_refused_in_chinese_and_changes_nothing() throws Exception {
        long id = api.open("officer1", firm(org, "乱序测试有限公司", "未设置安全警示标志"));
        long before = steps(id);
        assertThat(api.refused("leader1", id, "close", Map.of(), 422)).isEqualTo("案件当前处于“待立案审批”阶段，不能结案。");
        assertThat(api.refused("officer1", id, "file", Map.of(), 422)).contains("立案审批须由");
        assertThat(api.refused("leader1", id, "decide", Map.of("number", "罚1号"), 422)).contains("尚未履行行政处罚告知程序");
        assertThat(api.refused("leader1", id, "no-such-step", Map.of(), 404)).contains("没有名为");
        assertThat(steps(id)).isEqualTo(before);
        assertThat(api.stage(id)).isEqualTo("PROPOSED");
    }

    @Test
    void a_fine_outside_the_legal_range_or_the_tier_without_a_reason_is_refused() throws Exception {
        long id = api.open("officer1", firm(org, "超限测试有限公司", "未采取措施消除事故隐患"));
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));
        api.act("officer1", id, "investigate", Map.of("what", "EVIDENCE", "content", "现场照片"));
        int version = api.version(id);
        assertThat(api.refused("officer1", id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "HEAVIER", "amountYuan", "60000"), 422))
                .contains("超出法定幅度上限50000元");
        assertThat(api.refused("officer1", id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "LIGHTER", "amountYuan", "30000"), 422))
                .contains("须书面说明理由");
        assertThat(api.refused("officer1", id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "GENERAL", "amountYuan", "两万"), 422))
                .contains("格式不正确");
        assertThat(api.version(id)).isEqualTo(version);
        // with a written reason the amount outside its tier is accepted and forces legal review
        api.act("officer1", id, "propose-penalty", Map.of("violationCode", "102-1", "tier", "LIGHTER", "amountYuan", "30000",
                "reason", "隐患涉及人员密集场所"));
        assertThat((String) JsonPath.read(api.view(id), "$.legalReviewReasons")).contains("罚款不在裁量阶次范围内");
    }

    @Test
    void an_officer_without_an_enforcement_certificate_cannot_open_a_case() throws Exception {
        long own = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'zf035'").query(Long.class).single();
        long before = jdbc.sql("SELECT count(*) FROM penalty_case").query(Long.class).single();
        MockHttpServletResponse response = api.post("zf035", "/api/v1/cases", firm(own, "无证测试有限公司", "未设置安全警示标志"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat((String) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.detail")).contains("未取得行政执法证");
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_case").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void two_approvals_of_the_same_filing_at_once_one_wins_and_the_other_is_told() throws Exception {
        long id = api.open("officer1", firm(org, "并发测试有限公司", "未如实记录隐患排查治理情况"));
        int version = api.version(id);
        List<String> tokens = List.of(Tokens.bearer(mvc, "leader1"), Tokens.bearer(mvc, "leader1"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (String token : tokens) {
            Callable<MockHttpServletResponse> approve = () -> {
                start.await();
                return mvc.perform(MockMvcRequestBuilders.post("/api/v1/cases/" + id + "/actions/file").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + ",\"opinion\":\"同意立案\",\"secondHandler\":\"officer2\"}"))
                        .andReturn().getResponse();
            };
            answers.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String refusal = null;
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse response = answer.get();
            statuses.add(response.getStatus());
            if (response.getStatus() != 200) {
                refusal = JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.detail");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(refusal).contains("已由他人办理了这一步骤");
        assertThat(jdbc.sql("SELECT count(*) FROM case_step WHERE penalty_case = :id AND kind = 'FILED'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
