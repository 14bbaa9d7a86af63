package cn.zhifa.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.reporting.WorkFigure;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The emergency registers end to end on the demo city: each form refuses bad input on the form and stores nothing,
 * phones are sealed at rest and masked in lists and exports, plans overdue for evaluation and high-risk firms without
 * cover are flagged, and the registers' figures reach the annual figures of the unit.
 */
@ZhifaIntegrationTest
class EmergencyRegisterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingManagement reporting;
    @Autowired
    UserManagement users;
    @Autowired
    Clock clock;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_register_refuses_bad_input_on_the_form_and_stores_nothing() throws Exception {
        String unit = String.valueOf(brigade());
        Map<String, MockHttpServletRequestBuilder> bad = Map.of(
                "emergency_plan", post("/emergency/plans").param("unit_id", unit).param("name", "预案").param("level", "乡级")
                        .param("kind", "综合").param("lead_department", "应急局").param("approved_on", LocalDate.now(clock).plusDays(3).toString()),
                "emergency_drill", post("/emergency/drills").param("unit_id", unit).param("title", "演练").param("drilled_on", "2026-13-01")
                        .param("kind", "实战").param("participants", "0"),
                "rescue_team", post("/emergency/teams").param("unit_id", unit).param("name", "队").param("kind", "专业")
                        .param("members", "12").param("contact_person", "王").param("contact_phone", "12345"),
                "emergency_material", post("/emergency/materials").param("unit_id", unit).param("name", "沙袋").param("kind", "防汛抗旱")
                        .param("quantity", "-3").param("unit", "条").param("location", "仓库").param("keeper", "陈"),
                "disaster_informant", post("/emergency/informants").param("unit_id", unit).param("name", "").param("area", "社区")
                        .param("phone", "13800138000"),
                "liability_policy", post("/emergency/insurance").param("enterprise_id", ownFirmUscc()).param("insurer", "人保")
                        .param("policy_number", "T-ERR-1").param("starts_on", "2026-06-01").param("ends_on", "2026-05-01").param("amount", "200"));
        Map<String, String> expected = Map.of("emergency_plan", "请选择预案层级。", "emergency_drill", "演练日期格式不正确。",
                "rescue_team", "联系电话应为11位手机号或带区号的固定电话。", "emergency_material", "数量应为不小于 0、至多两位小数的数字。",
                "disaster_informant", "请填写姓名。", "liability_policy", "保险期间止不能早于保险期间起。");
        MockHttpSession session = login("officer1");
        for (var call : bad.entrySet()) {
            long before = count(call.getKey());
            MockHttpServletResponse response = mvc.perform(call.getValue().session(session).with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).as(call.getKey()).isEqualTo(200);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(call.getKey())
                    .contains("id=\"form-error\"").contains(expected.get(call.getKey()));
            assertThat(count(call.getKey())).as(call.getKey()).isEqualTo(before);
        }
        String page = mvc.perform(bad.get("emergency_plan").session(session).with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("批准日期不能晚于今天。").contains("value=\"应急局\"");
    }

    @Test
    void a_rescue_teams_and_an_informants_phone_are_sealed_at_rest_shown_on_the_detail_and_masked_in_list_and_export() throws Exception {
        MockHttpSession session = login("officer1");
        MockHttpServletResponse saved = mvc.perform(post("/emergency/teams").session(session).with(csrf())
                .param("unit_id", String.valueOf(brigade())).param("name", "测试矿山救护队").param("kind", "专业").param("members", "36")
                .param("equipment", "正压式呼吸器20套").param("contact_person", "韩磊").param("contact_phone", "13920261205")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        long id = Long.parseLong(saved.getRedirectedUrl().substring("/emergency/teams/".length()));
        try {
            String raw = jdbc.sql("SELECT contact_phone FROM rescue_team WHERE id = ?").param(id).query(String.class).single();
            assertThat(raw).startsWith(FieldCipher.PREFIX).doesNotContain("13920261205");
            assertThat(body(get("/emergency/teams/" + id), session)).contains("139****1205").doesNotContain("13920261205")
                    .contains("测试矿山救护队");
            assertThat(body(get("/emergency/teams/" + id + "/phone"), session)).contains("13920261205");
            assertThat(body(get("/emergency/teams").param("q", "测试矿山"), session)).contains("139****1205").doesNotContain("13920261205");
            byte[] xlsx = mvc.perform(get("/emergency/teams.xlsx").param("q", "测试矿山").session(session)).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("队伍名称");
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("139****1205");
            }
            assertThat(mvc.perform(post("/emergency/teams/" + id).session(session).with(csrf()).param("version", "0")
                    .param("unit_id", String.valueOf(brigade())).param("name", "测试矿山救护队").param("kind", "专业").param("members", "40")
                    .param("contact_person", "韩磊").param("contact_phone", "022-23456789")).andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat(jdbc.sql("SELECT members FROM rescue_team WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(40);
            assertThat(jdbc.sql("SELECT contact_phone FROM rescue_team WHERE id = ?").param(id).query(String.class).single())
                    .startsWith(FieldCipher.PREFIX).doesNotContain("23456789");
            assertThat(mvc.perform(post("/emergency/teams/" + id).session(session).with(csrf()).param("version", "0")
                    .param("unit_id", String.valueOf(brigade())).param("name", "旧版本").param("kind", "专业").param("members", "40")
                    .param("contact_person", "韩磊").param("contact_phone", "13920261205")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).as("a stale version is refused on the form").contains("已被他人修改");
        } finally {
            jdbc.sql("DELETE FROM rescue_team WHERE id = ?").param(id).update();
        }
        List<String> informants = jdbc.sql("SELECT phone FROM disaster_informant WHERE demo").query(String.class).list();
        assertThat(informants).isNotEmpty().allMatch(p -> p.startsWith(FieldCipher.PREFIX));
    }

    @Test
    void the_edit_form_shows_a_phone_masked_and_saving_it_unchanged_keeps_the_stored_number() throws Exception {
        MockHttpSession session = login("officer1");
        MockHttpServletResponse saved = mvc.perform(post("/emergency/informants").session(session).with(csrf())
                .param("unit_id", String.valueOf(brigade())).param("name", "测试信息员甲").param("area", "测试社区")
                .param("phone", "13720261206")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        long id = Long.parseLong(saved.getRedirectedUrl().substring("/emergency/informants/".length()));
        try {
            String form = body(get("/emergency/informants/" + id + "/edit"), session);
            assertThat(form).contains("已登记 137****1206", "不修改请留空").doesNotContain("13720261206")
                    .doesNotContain("value=\"137");

            MockHttpServletResponse refused = mvc.perform(post("/emergency/informants/" + id).session(session).with(csrf())
                    .param("version", "0").param("unit_id", String.valueOf(brigade())).param("name", "").param("area", "测试社区")
                    .param("phone", "")).andReturn().getResponse();
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).as("refused on the form, phone still masked")
                    .contains("请填写姓名。", "已登记 137****1206").doesNotContain("13720261206");

            assertThat(mvc.perform(post("/emergency/informants/" + id).session(session).with(csrf()).param("version", "0")
                    .param("unit_id", String.valueOf(brigade())).param("name", "测试信息员乙").param("area", "测试社区")
                    .param("phone", "")).andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat(body(get("/emergency/informants/" + id + "/phone"), session)).as("the stored number is kept")
                    .contains("13720261206");
            assertThat(body(get("/emergency/informants/" + id), session)).contains("测试信息员乙");

            assertThat(mvc.perform(post("/emergency/informants/" + id).session(session).with(csrf()).param("version", "1")
                    .param("unit_id", String.valueOf(brigade())).param("name", "测试信息员乙").param("area", "测试社区")
                    .param("phone", "13620261207")).andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat(body(get("/emergency/informants/" + id + "/phone"), session)).as("a typed number replaces it")
                    .contains("13620261207");
        } finally {
            jdbc.sql("DELETE FROM disaster_informant WHERE id = ?").param(id).update();
        }
    }

    @Test
    void plans_overdue_for_evaluation_and_high_risk_firms_without_cover_are_flagged() throws Exception {
        MockHttpSession officer = login("officer1");
        String overdue = body(get("/emergency/plans").param("status", "overdue"), officer);
        assertThat(overdue).contains("东城区危险化学品事故应急预案").contains("评估逾期").doesNotContain("东城区突发事件总体应急预案");
        assertThat(body(get("/emergency/plans").param("status", "due"), officer)).contains("东城区防汛抗旱应急预案");

        assertThat(mvc.perform(get("/emergency/insurance/lapses").session(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
        MockHttpSession leader = login("leader1");
        String lapses = body(get("/emergency/insurance/lapses"), leader);
        assertThat(lapses).contains("已脱保").contains("未投保").contains("保单即将到期").doesNotContain("已投保（");
        long lapsedFirm = jdbc.sql("SELECT enterprise_id FROM liability_policy WHERE demo GROUP BY enterprise_id "
                + "HAVING max(ends_on) < ? LIMIT 1").param(LocalDate.now(clock)).query(Long.class).single();
        assertThat(body(get("/registry/enterprises/" + lapsedFirm), leader)).contains("安全生产责任保险").contains("安责险：已脱保")
                .contains("应当投保安责险");
        byte[] xlsx = mvc.perform(get("/emergency/insurance/lapses.xlsx").session(leader)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void the_registers_figures_are_in_the_annual_figures_of_the_unit() {
        actAs("leader1");
        int year = LocalDate.now(clock).getYear();
        long brigade = brigade();
        List<Long> orgs = jdbc.sql("SELECT o.id FROM organization o, organization b WHERE b.id = ? AND o.path LIKE b.path || '%'")
                .param(brigade).query(Long.class).list();
        Map<String, WorkFigure> figures = reporting.annual(year, brigade).workFigures().stream()
                .filter(f -> f.section().equals("应急管理")).collect(Collectors.toMap(WorkFigure::label, f -> f));
        assertThat(figures.get("应急救援队伍").value().longValue()).isEqualTo(sum("SELECT count(*) FROM rescue_team WHERE organization_id IN (:o)", orgs));
        assertThat(figures.get("救援队员").value().longValue()).isEqualTo(sum("SELECT sum(members) FROM rescue_team WHERE organization_id IN (:o)", orgs));
        assertThat(figures.get("应急预案").value().longValue()).isEqualTo(sum("SELECT count(*) FROM emergency_plan WHERE organization_id IN (:o)", orgs));
        assertThat(figures.get("开展应急演练").value().longValue()).isGreaterThanOrEqualTo(1)
                .isEqualTo(sum("SELECT count(*) FROM emergency_drill WHERE organization_id IN (:o) AND extract(year FROM drilled_on) = " + year, orgs));
        assertThat(figures.get("参演").unit()).isEqualTo("人次");
        assertThat(figures.get("灾害信息员").value().longValue()).isEqualTo(sum("SELECT count(*) FROM disaster_informant WHERE organization_id IN (:o)", orgs));
        assertThat(figures.get("储备应急物资").value().longValue()).isPositive();
        assertThat(figures.get("投保安责险企业").value().longValue()).isPositive();
        assertThat(figures.get("应急救援队伍").clause()).matches("应急救援队伍\\d+支");
    }

    @Test
    void a_plans_emergency_card_is_kept_in_the_evidence_store_and_linked_from_the_plan() throws Exception {
        long plan = jdbc.sql("SELECT id FROM emergency_plan WHERE demo AND name = '东城区防汛抗旱应急预案'").query(Long.class).single();
        MockHttpSession session = login("officer1");
        org.springframework.test.web.servlet.MvcResult empty = mvc.perform(multipart("/emergency/plans/" + plan + "/card")
                .file(new MockMultipartFile("file", "空.png", "image/png", new byte[0])).session(session).with(csrf())).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(302);
        assertThat(empty.getFlashMap().get("refusal")).isEqualTo("请选择应急处置卡的照片或扫描件。");
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 40, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        try {
            assertThat(mvc.perform(multipart("/emergency/plans/" + plan + "/card")
                    .file(new MockMultipartFile("file", "防汛应急处置卡.png", "image/png", png.toByteArray())).session(session).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(302);
            Long evidence = jdbc.sql("SELECT card_evidence_id FROM emergency_plan WHERE id = ?").param(plan).query(Long.class).single();
            assertThat(evidence).isNotNull();
            assertThat(jdbc.sql("SELECT sha256 FROM evidence_file WHERE id = ?").param(evidence).query(String.class).single())
                    .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png.toByteArray())));
            assertThat(body(get("/emergency/plans/" + plan), session)).contains("/evidence/" + evidence + "/content").contains("查看应急处置卡");
        } finally {
            jdbc.sql("UPDATE emergency_plan SET card_evidence_id = NULL WHERE id = ?").param(plan).update();
        }
    }

    private long sum(String sql, List<Long> orgs) {
        Long n = jdbc.sql(sql).param("o", orgs).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private String body(MockHttpServletRequestBuilder call, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(call.session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    private long brigade() {
        return jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'officer1'").query(Long.class).single();
    }

    private String ownFirmUscc() {
        return jdbc.sql("SELECT e.uscc FROM enterprise e WHERE e.organization_id = ? AND e.merged_into IS NULL ORDER BY e.id LIMIT 1")
                .param(brigade()).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
