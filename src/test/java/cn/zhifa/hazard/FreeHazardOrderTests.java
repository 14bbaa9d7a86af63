package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hazards registered outside an inspection record are ordered by their own signed 责令限期整改指令书 (one per
 * deadline, shared by the hazards due by it); their 复查 issues the 整改复查意见书 referring to it.
 */
@ZhifaIntegrationTest
class FreeHazardOrderTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    HazardDocuments hazardDocuments;
    @Autowired
    DocumentManagement documents;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate workingDaysAhead(int days) {
        return calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), days).due();
    }

    String finding(String description, String location, String basis, LocalDate deadline, String measure) {
        return """
                {"level":"GENERAL","description":"%s","location":%s,"legalBasis":%s,"deadline":%s,
                 "immediateMeasure":%s,"evidenceIds":[]}""".formatted(description, quoted(location), quoted(basis),
                quoted(deadline == null ? null : deadline.toString()), quoted(measure));
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    String registration(long enterpriseId, String representative, String... findings) {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        return """
                {"enterpriseId":%d,"findings":[%s],
                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],"representative":%s}
                """.formatted(enterpriseId, String.join(",", findings), officerA, InspectionFixtures.signature(), officerB,
                InspectionFixtures.signature(), representative);
    }

    static String signedBy(String name) {
        return "{\"name\":\"" + name + "\",\"png\":\"" + InspectionFixtures.signature() + "\",\"refused\":false}";
    }

    List<Long> register(String body) throws Exception {
        String created = mvc.perform(post("/api/v1/hazards").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(created, "$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    Long orderOf(long hazardId) {
        return jdbc.sql("SELECT order_document_id FROM hazard WHERE id = :id").param("id", hazardId)
                .query(Long.class).single();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s|\\u2009", "");
        }
    }

    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    @Test
    void hazards_registered_together_share_one_signed_rectification_order_per_deadline() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 1);
        LocalDate soon = workingDaysAhead(5);
        LocalDate later = workingDaysAhead(15);
        List<Long> ids = register(registration(firm.id(), signedBy("王厂长"),
                finding("配电箱前堆放杂物", "一车间", "《中华人民共和国安全生产法》第四十一条", soon, null),
                finding("安全出口被锁闭", "仓库", null, soon, null),
                finding("未制定有限空间作业方案", null, null, later, null)));

        assertThat(ids).hasSize(3);
        assertThat(orderOf(ids.get(0))).isNotNull().isEqualTo(orderOf(ids.get(1)));
        assertThat(orderOf(ids.get(2))).isNotNull().isNotEqualTo(orderOf(ids.get(0)));
        IssuedDocument order = documents.find(orderOf(ids.get(0))).orElseThrow();
        assertThat(order.kind()).isEqualTo("RECTIFICATION_ORDER");
        assertThat(order.title()).isEqualTo("责令限期整改指令书");
        assertThat(order.number()).contains("责改");
        assertThat(order.partyName()).isEqualTo(firm.name());
        assertThat(hazardDocuments.of(ids.get(1))).extracting(IssuedDocument::id).contains(order.id());

        String text = pdfText(documents.pdf(order.id()).orElseThrow());
        assertThat(text).contains("责令限期整改指令书").contains(order.number().replaceAll("\\s", ""))
                .contains(firm.name().replaceAll("\\s", "")).contains("配电箱前堆放杂物").contains("安全出口被锁闭")
                .contains("第四十一条").contains(chinese(soon)).contains("1至2").doesNotContain("未制定有限空间作业方案");

        mvc.perform(get("/hazards/" + ids.get(1)).session(login("officer1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(order.number())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/documents/" + order.id() + "/docx")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("同一文书所列其他隐患")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/hazards/" + ids.get(0) + "\"")));
    }

    @Test
    void a_hazard_matching_a_criterion_item_takes_its_legal_basis_and_major_level_from_the_item() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 15);
        String byItem = """
                {"criterion":"GM-3-2 特种作业人员未按规定经专门的安全作业培训","description":"焊工张某无证焊接",
                 "deadline":"%s","evidenceIds":[]}""".formatted(workingDaysAhead(5));
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/hazards").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(registration(firm.id(), signedBy("王厂长"), byItem.replace("GM-3-2", "GM-99-9"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("未找到检查项或判定标准条目")));

        long hazardId = register(registration(firm.id(), signedBy("王厂长"), byItem)).get(0);
        assertThat(jdbc.sql("SELECT level || '/' || criterion || '/' || legal_basis FROM hazard WHERE id = :id")
                .param("id", hazardId).query(String.class).single())
                .isEqualTo("MAJOR/GM-3-2/《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（二）项");
        assertThat(pdfText(documents.pdf(orderOf(hazardId)).orElseThrow())).contains("焊工张某无证焊接")
                .contains("第三条第（二）项").contains("【重大事故隐患】");
    }

    @Test
    void a_firm_outside_the_officers_unit_cannot_be_ordered_and_nothing_is_stored() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseOutsideScopeOf(jdbc, "officer1");
        long ordersBefore = jdbc.sql("SELECT count(*) FROM doc_issued WHERE kind = 'RECTIFICATION_ORDER'").query(Long.class).single();
        mvc.perform(post("/api/v1/hazards").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(registration(firm.id(), signedBy("王厂长"),
                                finding("配电箱前堆放杂物", null, null, workingDaysAhead(5), null))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e").param("e", firm.id()).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM doc_issued WHERE kind = 'RECTIFICATION_ORDER'").query(Long.class).single())
                .isEqualTo(ordersBefore);
    }

    @Test
    void an_order_without_the_person_in_charge_signature_or_refusal_is_refused_and_stores_nothing() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 3);
        long hazardsBefore = jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e").param("e", firm.id())
                .query(Long.class).single();
        long ordersBefore = jdbc.sql("SELECT count(*) FROM doc_issued WHERE kind = 'RECTIFICATION_ORDER'")
                .query(Long.class).single();
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/hazards").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(registration(firm.id(), "{\"name\":\"王厂长\",\"png\":\"\",\"refused\":false}",
                                finding("配电箱前堆放杂物", null, null, workingDaysAhead(5), null))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("被检查单位负责人：签名缺失：请在签名框内签名。"));
        mvc.perform(post("/api/v1/hazards").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(registration(firm.id(), "{\"name\":\"王厂长\",\"refused\":true}",
                                finding("配电箱前堆放杂物", null, null, workingDaysAhead(5), null))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("被检查单位负责人拒绝签字的，须填写见证人。"));

        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e").param("e", firm.id())
                .query(Long.class).single()).isEqualTo(hazardsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM doc_issued WHERE kind = 'RECTIFICATION_ORDER'")
                .query(Long.class).single()).isEqualTo(ordersBefore);

        List<Long> ids = register(registration(firm.id(), "{\"name\":\"王厂长\",\"refused\":true,\"witness\":\"村委会李主任\"}",
                finding("配电箱前堆放杂物", null, null, workingDaysAhead(5), null)));
        assertThat(orderOf(ids.get(0))).isNotNull();
    }

    @Test
    void the_reinspection_of_a_free_hazard_issues_the_recheck_opinion_referring_to_its_order() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 5);
        List<Long> ids = register(registration(firm.id(), signedBy("王厂长"),
                finding("消防通道堵塞", "厂区东侧", null, workingDaysAhead(5), null)));
        long hazardId = ids.get(0);
        IssuedDocument order = documents.find(orderOf(hazardId)).orElseThrow();
        clock.advance(Duration.ofDays(30));
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        mvc.perform(post("/api/v1/hazards/" + hazardId + "/reinspection").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"passed":true,"opinion":"经复查，消防通道已清理畅通。","evidenceIds":[],
                                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],"representative":%s}
                                """.formatted(officerA, InspectionFixtures.signature(), officerB,
                                InspectionFixtures.signature(), signedBy("王厂长"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REINSPECTED"));

        IssuedDocument opinion = hazardDocuments.of(hazardId).stream().filter(d -> d.kind().equals("RECHECK_OPINION"))
                .findFirst().orElseThrow();
        assertThat(pdfText(documents.pdf(opinion.id()).orElseThrow())).contains("整改复查意见书")
                .contains(order.number().replaceAll("\\s", "")).contains("责令限期整改指令书")
                .contains("经复查，消防通道已清理畅通。");
    }

    @Test
    void a_failed_reinspection_states_the_new_deadline_in_the_recheck_opinion() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 13);
        long hazardId = register(registration(firm.id(), signedBy("王厂长"),
                finding("危化品仓库通风设施损坏", null, null, workingDaysAhead(5), null))).get(0);
        clock.advance(Duration.ofDays(30));
        LocalDate again = calendar.addWorkingDays(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")), 5).due();
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        mvc.perform(post("/api/v1/hazards/" + hazardId + "/reinspection").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"passed":false,"opinion":"通风机仍未修复。","newDeadline":"%s","confirmNonWorkingDeadline":true,
                                 "evidenceIds":[],
                                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],"representative":%s}
                                """.formatted(again, officerA, InspectionFixtures.signature(), officerB,
                                InspectionFixtures.signature(), signedBy("王厂长"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
        IssuedDocument opinion = hazardDocuments.of(hazardId).stream().filter(d -> d.kind().equals("RECHECK_OPINION"))
                .findFirst().orElseThrow();
        assertThat(pdfText(documents.pdf(opinion.id()).orElseThrow())).contains("通风机仍未修复。")
                .contains("整改不合格，责令你单位于" + chinese(again) + "前整改完毕。");
    }

    @Test
    void confirming_a_self_reported_hazard_on_the_phone_issues_its_signed_order() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 7);
        String link = mvc.perform(post("/api/v1/hazards/report-links").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + firm.id() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(link, "$.token");
        mvc.perform(multipart("/hazard-report/" + token).param("description", "除尘器泄爆口朝向人员通道")
                        .param("reporter", "安全员").with(csrf()))
                .andExpect(status().is3xxRedirection());
        long hazardId = jdbc.sql("SELECT max(id) FROM hazard WHERE enterprise_id = :e AND status = 'REPORTED'")
                .param("e", firm.id()).query(Long.class).single();
        LocalDate deadline = workingDaysAhead(10);
        MockHttpSession officer = login("officer1");
        long officerB = users.findByUsername("officer2").orElseThrow().id();

        mvc.perform(post("/hazards/" + hazardId + "/confirmation").session(officer).with(csrf())
                        .param("deadline", deadline.toString()).param("officerPng", InspectionFixtures.signature())
                        .param("secondOfficerId", String.valueOf(officerB))
                        .param("secondOfficerPng", InspectionFixtures.signature()).param("representativeName", "赵经理"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("被检查单位负责人：签名缺失：请在签名框内签名。")));
        assertThat(jdbc.sql("SELECT status FROM hazard WHERE id = :id").param("id", hazardId).query(String.class).single())
                .isEqualTo("REPORTED");

        mvc.perform(post("/hazards/" + hazardId + "/confirmation").session(officer).with(csrf())
                        .param("deadline", deadline.toString()).param("officerPng", InspectionFixtures.signature())
                        .param("secondOfficerId", String.valueOf(officerB))
                        .param("secondOfficerPng", InspectionFixtures.signature()).param("representativeName", "赵经理")
                        .param("representativePng", InspectionFixtures.signature()))
                .andExpect(status().is3xxRedirection());
        IssuedDocument order = documents.find(orderOf(hazardId)).orElseThrow();
        assertThat(pdfText(documents.pdf(order.id()).orElseThrow())).contains("责令限期整改指令书")
                .contains("除尘器泄爆口朝向人员通道").contains(chinese(deadline));
    }

    @Test
    void a_terminal_confirms_a_self_report_with_the_managers_refusal_recorded_before_a_witness() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 17);
        String officer1 = Tokens.bearer(mvc, "officer1");
        String link = mvc.perform(post("/api/v1/hazards/report-links").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + firm.id() + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(multipart("/hazard-report/" + JsonPath.read(link, "$.token")).param("description", "喷漆房静电接地断开").param("reporter", "安全员")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        long hazardId = jdbc.sql("SELECT max(id) FROM hazard WHERE enterprise_id = :e AND status = 'REPORTED'")
                .param("e", firm.id()).query(Long.class).single();
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        String body = """
                {"immediateMeasure":"立即停止喷漆作业并恢复接地","officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],
                 "representative":{"name":"周经理","refused":true,"witness":"%s"}}
                """;
        mvc.perform(post("/api/v1/hazards/" + hazardId + "/confirmation").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(officerA, InspectionFixtures.signature(), officerB,
                                InspectionFixtures.signature(), "")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("被检查单位负责人拒绝签字的，须填写见证人。"));
        mvc.perform(post("/api/v1/hazards/" + hazardId + "/confirmation").header("Authorization", officer1)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(officerA, InspectionFixtures.signature(), officerB,
                                InspectionFixtures.signature(), "车间主任吴某")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
        IssuedDocument measures = documents.find(orderOf(hazardId)).orElseThrow();
        assertThat(measures.kind()).isEqualTo("ON_SITE_MEASURES");
        assertThat(pdfText(documents.pdf(measures.id()).orElseThrow())).contains("现场处理措施决定书")
                .contains("喷漆房静电接地断开").contains("立即停止喷漆作业并恢复接地").contains("拒绝签字");
    }

    @Test
    void the_phone_form_registers_the_filled_rows_and_refuses_missing_signatures_in_chinese() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 9);
        MockHttpSession officer = login("officer1");
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        LocalDate deadline = workingDaysAhead(5);
        mvc.perform(get("/hazards/new").param("enterpriseId", String.valueOf(firm.id())).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(firm.name())));
        mvc.perform(multipart("/hazards/new").session(officer).with(csrf())
                        .param("enterpriseId", String.valueOf(firm.id()))
                        .param("rows[0].description", "叉车司机无证驾驶").param("rows[0].deadline", deadline.toString())
                        .param("rows[1].description", "").param("officerPng", InspectionFixtures.signature())
                        .param("representativeName", "钱主任").param("representativePng", InspectionFixtures.signature()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("签名缺失：责令限期整改指令书须由两名执法人员签名。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("叉车司机无证驾驶")));
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e AND description = '叉车司机无证驾驶'")
                .param("e", firm.id()).query(Long.class).single()).isZero();

        mvc.perform(multipart("/hazards/new").session(officer).with(csrf())
                        .param("enterpriseId", String.valueOf(firm.id()))
                        .param("rows[0].description", "叉车司机无证驾驶").param("rows[0].deadline", deadline.toString())
                        .param("rows[1].description", "危险作业未审批").param("rows[1].immediateMeasure", "立即停止动火作业")
                        .param("officerPng", InspectionFixtures.signature())
                        .param("secondOfficerId", String.valueOf(officerB))
                        .param("secondOfficerPng", InspectionFixtures.signature())
                        .param("representativeName", "钱主任").param("representativePng", InspectionFixtures.signature()))
                .andExpect(status().is3xxRedirection());
        List<String> kinds = jdbc.sql("""
                        SELECT d.kind FROM hazard h JOIN doc_issued d ON d.id = h.order_document_id
                        WHERE h.enterprise_id = :e ORDER BY h.id""")
                .param("e", firm.id()).query(String.class).list();
        assertThat(kinds).containsExactly("RECTIFICATION_ORDER", "ON_SITE_MEASURES");
    }

    /**
     * Issue 19: the field terminal registers a hazard at a firm outside the day's tasks, typed in by its 统一社会信用代码,
     * with the phone's GPS position: stored once for its Idempotency-Key (a replay adds nothing), a wrong or unknown
     * code and a firm outside the officer's scope are refused in Chinese and store nothing.
     */
    @Test
    void a_firm_typed_in_by_its_credit_code_gets_the_hazard_with_its_position_once_and_a_wrong_code_is_refused() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 26);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = :id").param("id", firm.id()).query(String.class).single();
        String atGate = finding("门卫室旁液化气瓶未固定", "东门门卫室", null, workingDaysAhead(5), null)
                .replace("\"evidenceIds\":[]", "\"evidenceIds\":[],\"latitude\":31.230416,\"longitude\":121.473701");
        String body = registration(0, signedBy("王厂长"), atGate)
                .replace("{\"enterpriseId\":0,", "{\"enterpriseId\":0,\"enterpriseUscc\":\"" + uscc.toLowerCase() + "\",");
        String key = InspectionFixtures.key();
        String token = Tokens.bearer(mvc, "officer1");
        String first = mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = JsonPath.<Number>read(first, "$[0].id").longValue();
        var stored = jdbc.sql("SELECT enterprise_id, location, latitude, longitude FROM hazard WHERE id = :id").param("id", id)
                .query().singleRow();
        assertThat(((Number) stored.get("enterprise_id")).longValue()).isEqualTo(firm.id());
        assertThat(stored.get("location")).isEqualTo("东门门卫室");
        assertThat((java.math.BigDecimal) stored.get("latitude")).isEqualByComparingTo("31.230416");
        assertThat((java.math.BigDecimal) stored.get("longitude")).isEqualByComparingTo("121.473701");
        long hazards = jdbc.sql("SELECT count(*) FROM hazard").query(Long.class).single();
        String replay = mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Number>read(replay, "$[0].id").longValue()).as("the replay answers the first hazard").isEqualTo(id);
        assertThat(jdbc.sql("SELECT count(*) FROM hazard").query(Long.class).single()).as("a replay adds nothing").isEqualTo(hazards);

        String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '1' ? '2' : '1');
        mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", InspectionFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(uscc.toLowerCase(), wrongCheck)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("校验码错误")));
        mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", InspectionFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(uscc.toLowerCase(), unregisteredUscc())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("企业库中没有统一社会信用代码为")));
        mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", InspectionFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("121.473701", "221.473701")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("定位坐标无效")));
        InspectionFixtures.Enterprise outside = InspectionFixtures.enterpriseOutsideScopeOf(jdbc, "officer1");
        String outsideUscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = :id").param("id", outside.id()).query(String.class).single();
        mvc.perform(post("/api/v1/hazards").header("Authorization", token).header("Idempotency-Key", InspectionFixtures.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(uscc.toLowerCase(), outsideUscc)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("无权访问")));
        assertThat(jdbc.sql("SELECT count(*) FROM hazard").query(Long.class).single()).as("refusals store nothing").isEqualTo(hazards);
    }

    /** A credit code with a right check character (GB 32100) that no firm of the registry has. */
    private String unregisteredUscc() {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            String code = "91330100MA2H00001" + c;
            if (cn.zhifa.law.Uscc.parse(code).reason().isEmpty()) {
                assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE uscc = :c").param("c", code).query(Long.class).single()).isZero();
                return code;
            }
        }
        throw new AssertionError("no check character");
    }

    MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
