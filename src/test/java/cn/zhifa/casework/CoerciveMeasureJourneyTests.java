package cn.zhifa.casework;

import static cn.zhifa.casework.CaseApiSupport.firm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.TestClock;
import cn.zhifa.WebUser;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 查封/扣押 through the case API: apply → extend → release by a leader, its term on the timeline and in the sweep, bad input. */
@ZhifaIntegrationTest
@Tag("external-db")
class CoerciveMeasureJourneyTests {

    static final List<Map<String, String>> CYLINDERS = List.of(
            Map.of("name", "液化石油气钢瓶", "spec", "50kg", "quantity", "12瓶", "location", "区应急局暂存库"),
            Map.of("name", "减压阀", "quantity", "12个"));

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    DocumentManagement documents;
    @LocalServerPort
    int port;

    CaseApiSupport api;
    long org;

    @BeforeEach
    void setUp() {
        api = new CaseApiSupport(mvc, clock);
        org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
        cn.zhifa.documents.SampleDocuments.ensureSettings(documents, documents.authorityFor(org).orElseThrow().organizationId());
    }

    /** The case's issued documents of {@code kind}, as text read back from their PDFs (whitespace removed). */
    private List<String> documentTexts(long id, String kind) throws Exception {
        String caseNumber = JsonPath.read(api.view(id), "$.caseNumber");
        return documents.forSource(new SourceRef("case", caseNumber)).stream().filter(d -> d.kind().equals(kind))
                .map(this::text).toList();
    }

    private String text(IssuedDocument d) {
        try (var pdf = Loader.loadPDF(documents.pdf(d.id()).orElseThrow())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s|\\u2009", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long filedCase(String party) throws Exception {
        api.today("2026-09-24");
        long id = api.open("officer1", firm(org, party, "违规储存液化石油气"));
        api.act("leader1", id, "file", Map.of("secondHandler", "officer2"));
        return id;
    }

    private Map<String, Object> seizure() {
        return Map.of("kind", "SEIZE", "objects", CYLINDERS, "reason", "存在重大事故隐患的设备", "legalBasis", "安全生产法第六十五条第一款第四项",
                "decisionNumber", "扣〔2026〕8号");
    }

    private long steps(long id) {
        return jdbc.sql("SELECT count(*) FROM case_step WHERE penalty_case = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void a_leader_seizes_extends_once_and_releases_with_the_term_on_the_timeline_and_in_the_sweep() throws Exception {
        long id = filedCase("扣押流程测试有限公司");
        api.today("2026-09-25");
        String view = api.act("leader1", id, "measure-apply", seizure());
        assertThat((String) JsonPath.read(view, "$.measures[0].title")).isEqualTo("扣押（第1号）");
        assertThat((String) JsonPath.read(view, "$.measures[0].dueOn")).isEqualTo("2026-10-25");
        assertThat((Boolean) JsonPath.read(view, "$.measures[0].dueProvisional")).isFalse();
        assertThat((List<String>) JsonPath.read(view, "$.measures[0].objects[*].name")).containsExactly("液化石油气钢瓶", "减压阀");
        assertThat(api.deadline(id, "MEASURE_1")).isEqualTo("2026-10-25");
        assertThat((List<String>) JsonPath.read(view, "$.availableActions")).contains("measure-extend", "measure-release");
        assertThat(documentTexts(id, "SEIZURE_DECISION")).singleElement().satisfies(t -> assertThat(t).contains(
                "查封（扣押）决定书", "扣押流程测试有限公司", "存在重大事故隐患的设备", "安全生产法第六十五条第一款第四项",
                "第二十四条", "予以扣押", "2026年9月25日", "2026年10月25日", "液化石油气钢瓶", "50kg", "12瓶", "区应急局暂存库",
                "减压阀", "12个", "申请行政复议"));

        api.today("2026-10-22");
        assertThat(api.get("leader1", "/api/v1/cases/deadlines?size=200")).contains("\"code\":\"MEASURE_1\"");
        deadlines.sweep();
        assertThat(jdbc.sql("SELECT count(*) FROM case_deadline_warning WHERE penalty_case = :id AND deadline = 'MEASURE_1' AND level = 'NEAR'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        view = api.act("leader1", id, "measure-extend", Map.of("number", 1, "reason", "涉案设备需送检鉴定，情况复杂"));
        assertThat((Boolean) JsonPath.read(view, "$.measures[0].extended")).isTrue();
        assertThat((String) JsonPath.read(view, "$.measures[0].dueOn")).isEqualTo("2026-11-24");
        assertThat(api.deadline(id, "MEASURE_1")).isEqualTo("2026-11-24");
        assertThat(documentTexts(id, "SEIZURE_EXTENSION_NOTICE")).singleElement().satisfies(t -> assertThat(t).contains(
                "延长查封（扣押）期限通知书", "扣〔2026〕8号", "涉案设备需送检鉴定，情况复杂", "第二十五条", "延长至2026年11月24日"));

        api.today("2026-11-10");
        view = api.act("leader1", id, "measure-release", Map.of("number", 1, "reason", "检测合格，隐患已消除"));
        assertThat((String) JsonPath.read(view, "$.measures[0].ending")).isEqualTo("RELEASED");
        assertThat((String) JsonPath.read(view, "$.measures[0].endedOn")).isEqualTo("2026-11-10");
        assertThat(documentTexts(id, "SEIZURE_RELEASE_DECISION")).singleElement().satisfies(t -> assertThat(t).contains(
                "解除查封（扣押）决定书", "扣〔2026〕8号", "检测合格，隐患已消除", "第二十八条", "解除扣押", "液化石油气钢瓶", "减压阀"));
        assertThat((List<String>) JsonPath.read(view, "$.timeline[?(@.code == 'MEASURE_1')].status")).containsExactly("DONE");
        assertThat((List<String>) JsonPath.read(view, "$.steps[*].kind"))
                .contains("MEASURE_APPLIED", "MEASURE_EXTENDED", "MEASURE_RELEASED");

        HttpResponse<String> page = WebUser.loggedIn(port, "leader1").get("/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"measures\"").contains("扣押（第1号）").contains("液化石油气钢瓶").contains("2026-11-24");
    }

    @Test
    void a_second_extension_a_late_extension_a_second_release_a_wrong_role_or_an_empty_list_is_refused_and_changes_nothing()
            throws Exception {
        long id = filedCase("扣押拒绝测试有限公司");
        api.today("2026-09-25");
        long before = steps(id);
        assertThat(api.refused("officer1", id, "measure-apply", seizure(), 422)).contains("查封、扣押的批准须由");
        Map<String, Object> empty = new java.util.HashMap<>(seizure());
        empty.put("objects", List.of());
        assertThat(api.refused("leader1", id, "measure-apply", empty, 422)).contains("扣押清单不能为空");
        assertThat(api.refused("leader1", id, "measure-apply", Map.of("kind", "封存", "objects", CYLINDERS), 422)).contains("应为查封或扣押");
        assertThat(steps(id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM coercive_measure WHERE penalty_case = :id").param("id", id).query(Long.class).single())
                .isZero();

        api.act("leader1", id, "measure-apply", seizure());
        api.today("2026-10-20");
        assertThat(api.refused("officer1", id, "measure-extend", Map.of("number", 1, "reason", "情况复杂"), 422)).contains("须由");
        api.act("leader1", id, "measure-extend", Map.of("number", 1, "reason", "情况复杂"));
        long extended = steps(id);
        assertThat(api.refused("leader1", id, "measure-extend", Map.of("number", 1, "reason", "再延长"), 422)).contains("依法只能延长一次");

        Map<String, Object> seal = Map.of("kind", "SEAL", "objects", List.of(Map.of("name", "配电柜", "quantity", "1台")),
                "reason", "违规用电设备", "legalBasis", "安全生产法第六十五条第一款第四项");
        api.act("leader1", id, "measure-apply", seal);
        api.today("2026-11-20");
        // the 查封 of 2026-10-20 ran 30 days to 2026-11-19
        assertThat(api.refused("leader1", id, "measure-extend", Map.of("number", 2, "reason", "情况复杂"), 422))
                .isEqualTo("查封（第2号）的期限已于2026-11-19届满，不能再延长，应当及时解除或者作出处理决定（行政强制法第二十五条）。");
        assertThat(api.get("leader1", "/api/v1/cases/deadlines?size=200")).contains("\"code\":\"MEASURE_2\"");

        api.act("leader1", id, "measure-release", Map.of("number", 1, "reason", "不再需要扣押"));
        long released = steps(id);
        assertThat(api.refused("leader1", id, "measure-release", Map.of("number", 1, "reason", "再解除"), 422))
                .isEqualTo("扣押（第1号）已于2026-11-20解除，不能重复办理。");
        assertThat(api.refused("leader1", id, "measure-dispose", Map.of("number", 9, "reason", "没收"), 422)).contains("没有第9号");
        assertThat(steps(id)).isEqualTo(released).isEqualTo(extended + 2);
        assertThat((String) JsonPath.read(api.view(id), "$.measures[1].dueOn")).isEqualTo("2026-11-19");
        // the 查封 without a number given carries its 决定书's; nothing refused issued a document
        assertThat((String) JsonPath.read(api.view(id), "$.measures[1].decisionNumber")).contains("查扣");
        assertThat(documentTexts(id, "SEIZURE_DECISION")).hasSize(2);
        assertThat(documentTexts(id, "SEIZURE_EXTENSION_NOTICE")).hasSize(1);
        assertThat(documentTexts(id, "SEIZURE_RELEASE_DECISION")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_emergency_seizure_by_an_officer_shows_pending_and_is_approved_within_24_hours_or_refused_after() throws Exception {
        long id = filedCase("紧急扣押测试有限公司");
        api.today("2026-09-25");
        Map<String, Object> emergency = Map.of("kind", "SEIZE", "objects", CYLINDERS, "reason", "气瓶泄漏，情况紧急",
                "legalBasis", "安全生产法第六十五条第一款第四项");
        String view = api.act("officer1", id, "measure-emergency", emergency);
        assertThat((Boolean) JsonPath.read(view, "$.measures[0].pendingApproval")).isTrue();
        assertThat((List<String>) JsonPath.read(api.view(id), "$.availableActions")).contains("measure-approve");
        assertThat((List<String>) JsonPath.read(api.get("officer1", "/api/v1/cases/" + id), "$.availableActions"))
                .contains("measure-emergency").doesNotContain("measure-approve", "measure-apply");
        assertThat(documentTexts(id, "SEIZURE_DECISION")).singleElement().satisfies(t -> assertThat(t).contains("气瓶泄漏，情况紧急"));
        HttpResponse<String> page = WebUser.loggedIn(port, "leader1").get("/cases/" + id);
        assertThat(page.body()).contains("待补批").contains("补办批准");

        api.act("officer1", id, "measure-emergency", emergency);
        view = api.act("leader1", id, "measure-approve", Map.of("number", 2));
        assertThat((Boolean) JsonPath.read(view, "$.measures[1].pendingApproval")).isFalse();
        assertThat((String) JsonPath.read(view, "$.measures[1].approvedBy")).isNotBlank();

        api.today("2026-09-27");
        long before = steps(id);
        assertThat(api.refused("leader1", id, "measure-approve", Map.of("number", 1), 422))
                .contains("24小时内", "应当立即解除（行政强制法第十九条）");
        assertThat(steps(id)).isEqualTo(before);
        assertThat((Boolean) JsonPath.read(api.view(id), "$.measures[0].pendingApproval")).isTrue();
    }
}
