package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.EventPublications;
import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.web.PublicAddress;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a firm receives from an inspection, walked through the record page as the officer's phone posts it: the record
 * and its 整改指令书 issued on 提交, the person met on site printed apart from the registry's 法定代表人, failed items
 * written as violations, and every printed link on the platform's public address.
 */
@ZhifaIntegrationTest
class RecordDocumentsTests {

    static final String AQ28_VIOLATION = "未对从业人员进行安全生产教育和培训，或者未如实记录安全生产教育和培训情况";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    PublicAddress publicAddress;
    @Autowired
    InspectionManagement inspections;
    @Autowired
    TestClock clock;

    long officerA;
    long officerB;
    LocalDate deadline;

    @BeforeEach
    void team() {
        officerA = users.findByUsername("officer1").orElseThrow().id();
        officerB = users.findByUsername("officer2").orElseThrow().id();
        deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
    }

    MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }

    long newTask(InspectionFixtures.Enterprise firm) throws Exception {
        String body = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The record page as the phone fills it in: each part posted by itself (htmx), nothing saved by a page button. */
    long fillInOnThePage(MockHttpSession officer, long task) throws Exception {
        String location = mvc.perform(post("/inspection/tasks/" + task + "/start").session(officer).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long record = Long.parseLong(location.replaceAll(".*/records/(\\d+).*", "$1"));
        String saved = mvc.perform(post("/inspection/records/" + record + "/basics").session(officer).with(csrf())
                        .header("HX-Request", "true").param("place", "二车间").param("representativeName", "王红")
                        .param("representativeTitle", "安全主管").param("representativePhone", "13900001111"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(saved).contains("基本情况已保存");
        for (String code : List.of("AQ-22", "AQ-41", "AQ-45", "AQ-81")) {
            item(officer, record, code, "CONFORMS", null);
        }
        for (String code : List.of("GM-3-1", "GM-3-2", "GM-3-3")) {
            item(officer, record, code, "NOT_APPLICABLE", null);
        }
        item(officer, record, "AQ-28", "FAILS", deadline);
        for (long member : List.of(officerA, officerB)) {
            assertThat(mvc.perform(post("/inspection/records/" + record + "/signatures/officer").session(officer).with(csrf())
                            .header("HX-Request", "true").param("userId", String.valueOf(member))
                            .param("png", InspectionFixtures.signature()))
                    .andReturn().getResponse().getContentAsString()).contains("已签名");
        }
        assertThat(mvc.perform(post("/inspection/records/" + record + "/signatures/representative").session(officer)
                        .with(csrf()).header("HX-Request", "true").param("name", "王红")
                        .param("png", InspectionFixtures.signature()))
                .andReturn().getResponse().getContentAsString()).contains("王红 已签名");
        return record;
    }

    void item(MockHttpSession officer, long record, String code, String result, LocalDate rectifyBy) throws Exception {
        var request = post("/inspection/records/" + record + "/items/" + code).session(officer).with(csrf())
                .header("HX-Request", "true").param("result_" + code, result);
        if (rectifyBy != null) {
            request.param("rectifyBy_" + code, rectifyBy.toString()).param("location_" + code, "培训档案室");
        }
        assertThat(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("已保存").doesNotContain("save-refused");
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t\\u2009\\u3000]", "");
        }
    }

    /** The documents are issued after the submission commits: waits for them first. */
    List<IssuedDocument> issuedFor(long record) {
        EventPublications.awaitRecordDocuments(jdbc);
        return documents.forSource(new SourceRef("现场检查记录", String.valueOf(record))).stream()
                .filter(IssuedDocument::valid).toList();
    }

    @Test
    void submitting_a_record_with_a_failed_item_issues_the_record_and_the_order_and_the_hazard_shows_the_order()
            throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 61);
        MockHttpSession officer = login("officer1");
        long record = fillInOnThePage(officer, newTask(firm));

        mvc.perform(post("/inspection/records/" + record + "/submit").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<IssuedDocument> issued = issuedFor(record);
        assertThat(issued).extracting(IssuedDocument::kind).containsExactlyInAnyOrder("INSPECTION_RECORD", "RECTIFICATION_ORDER");
        IssuedDocument order = issued.stream().filter(d -> d.kind().equals("RECTIFICATION_ORDER")).findFirst().orElseThrow();
        assertThat(text(documents.pdf(order.id()).orElseThrow())).as("the order lists what is wrong")
                .contains(AQ28_VIOLATION.substring(0, 20));

        long hazard = jdbc.sql("SELECT id FROM hazard WHERE record_id = :r").param("r", record).query(Long.class).single();
        assertThat(jdbc.sql("SELECT description FROM hazard WHERE id = :h").param("h", hazard).query(String.class).single())
                .as("a hazard reads as what is wrong, not as the requirement").isEqualTo(AQ28_VIOLATION);
        String page = mvc.perform(get("/hazards/" + hazard).session(officer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/documents/" + order.id() + "/pdf").contains("/documents/" + order.id() + "/docx")
                .contains(order.number());
        String recordPage = mvc.perform(get("/inspection/records/" + record).session(officer)).andReturn().getResponse()
                .getContentAsString();
        assertThat(recordPage).doesNotContain("id=\"issue-documents\"").contains("/documents/" + order.id() + "/pdf");
    }

    @Test
    void the_record_prints_the_person_met_on_site_apart_from_the_registered_legal_representative() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 62);
        String legalRepresentative = jdbc.sql("SELECT legal_representative FROM enterprise WHERE id = :e")
                .param("e", firm.id()).query(String.class).single();
        MockHttpSession officer = login("officer1");
        long record = fillInOnThePage(officer, newTask(firm));
        mvc.perform(post("/inspection/records/" + record + "/submit").session(officer).with(csrf()));

        IssuedDocument printed = issuedFor(record).stream().filter(d -> d.kind().equals("INSPECTION_RECORD")).findFirst()
                .orElseThrow();
        String text = text(documents.pdf(printed.id()).orElseThrow());
        String representativeLine = text.lines().filter(l -> l.contains(legalRepresentative)).findFirst().orElseThrow();
        assertThat(representativeLine).as("the registry's 法定代表人 stands alone").doesNotContain("安全主管")
                .doesNotContain("13900001111").doesNotContain("王红");
        String onSiteLine = text.lines().filter(l -> l.contains("现场负责人") && l.contains("王红")).findFirst().orElseThrow();
        assertThat(onSiteLine).contains("安全主管").contains("13900001111");
    }

    @Test
    void every_seeded_item_states_its_requirement_and_its_violation_and_keeps_its_review_flag() {
        assertThat(jdbc.sql("SELECT count(*) FROM checklist_item WHERE violation IS NULL OR violation = ''")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM checklist_item WHERE content = violation").query(Long.class).single())
                .as("符合 answers the requirement, never the violation").isZero();
        assertThat(jdbc.sql("SELECT content FROM checklist_item WHERE code = 'GM-3-2' ORDER BY template_id LIMIT 1")
                .query(String.class).single()).isEqualTo("特种作业人员按照规定经专门的安全作业培训并取得相应资格后上岗作业");
        assertThat(jdbc.sql("SELECT content FROM checklist_item WHERE code = 'HG-02'").query(String.class).single())
                .isEqualTo("不存在下列重大事故隐患情形：特种作业人员未持证上岗");
        assertThat(jdbc.sql("SELECT violation FROM checklist_item WHERE code = 'AQ-28' ORDER BY template_id LIMIT 1")
                .query(String.class).single()).isEqualTo(AQ28_VIOLATION);
        assertThat(jdbc.sql("SELECT verification FROM checklist_item WHERE code = 'GM-11-6' ORDER BY template_id LIMIT 1")
                .query(String.class).single()).as("待核对 stays").isEqualTo("R");
    }

    @Test
    void a_document_issued_with_the_public_address_set_carries_it_on_its_verification_link() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 58);
        long task = newTask(firm);
        ReflectionTestUtils.setField(publicAddress, "configured", "https://zhifa.example.gov.cn");
        try {
            String body = mvc.perform(post("/api/v1/inspection/records").header("Authorization", Tokens.bearer(mvc, "officer1"))
                            .header("Idempotency-Key", InspectionFixtures.key()).header("X-Forwarded-Host", "intranet.local")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long record = ((Number) JsonPath.read(body, "$.id")).longValue();
            List<IssuedDocument> issued = issuedFor(record);
            assertThat(issued).hasSize(2);
            for (IssuedDocument document : issued) {
                assertThat(text(documents.pdf(document.id()).orElseThrow()).replaceAll("\\s", ""))
                        .contains("https://zhifa.example.gov.cn/verify/" + document.verificationCode());
            }
            var admin = login("admin");
            assertThat(settingsPage(admin))
                    .doesNotContain("public-address-warning");
        } finally {
            ReflectionTestUtils.setField(publicAddress, "configured", null);
        }
    }

    @Test
    void without_the_public_address_a_document_carries_the_address_the_officer_reached_the_platform_at() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 59);
        long task = newTask(firm);
        String body = mvc.perform(post("/api/v1/inspection/records").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).header("X-Forwarded-Host", "zhifa.city.gov.cn")
                        .header("X-Forwarded-Proto", "https").contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long record = ((Number) JsonPath.read(body, "$.id")).longValue();
        List<IssuedDocument> issued = issuedFor(record);
        assertThat(issued).hasSize(2);
        for (IssuedDocument document : issued) {
            assertThat(text(documents.pdf(document.id()).orElseThrow()).replaceAll("\\s", ""))
                    .contains("https://zhifa.city.gov.cn/verify/" + document.verificationCode());
        }
        var admin = login("admin");
        assertThat(settingsPage(admin))
                .contains("public-address-warning").contains("ZHIFA_PUBLIC_BASE_URL");
    }

    @Test
    void the_terminal_is_answered_before_the_documents_exist_and_the_record_then_shows_them() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 57);
        long task = newTask(firm);
        String token = Tokens.bearer(mvc, "officer1");
        String body = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(task, officerA, officerB, deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long record = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(JsonPath.<List<String>>read(body, "$.documents[*].kind")).as("answered once record and hazards are stored")
                .containsExactly("INSPECTION_RECORD", "RECTIFICATION_ORDER");
        assertThat(JsonPath.<List<String>>read(body, "$.documents[*].state")).containsOnly("PENDING");
        assertThat(JsonPath.<List<Object>>read(body, "$.documents[*].url")).containsOnlyNulls();
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE record_id = :r").param("r", record).query(Long.class).single())
                .isEqualTo(2);

        List<IssuedDocument> issued = issuedFor(record);
        String after = mvc.perform(get("/api/v1/inspection/records/" + record).header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(after, "$.documents[*].state")).containsOnly("ISSUED").hasSize(2);
        assertThat(JsonPath.<List<String>>read(after, "$.documents[*].url")).containsExactlyInAnyOrderElementsOf(
                issued.stream().map(d -> "/api/v1/documents/" + d.id() + "/pdf").toList());
        String card = mvc.perform(get("/inspection/records/" + record + "/documents").session(login("officer1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).as("the poll ends with the links").doesNotContain("hx-trigger").doesNotContain("文书生成中")
                .contains("/documents/" + issued.get(0).id() + "/pdf");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = '出具现场检查文书' AND target_id = :r")
                .param("r", String.valueOf(record)).query(Long.class).single()).as("issued after the request, audited").isOne();
    }

    @Test
    void a_record_whose_documents_are_not_issued_shows_them_pending_then_says_so_and_offers_to_issue_them() throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 56);
        MockHttpSession officer = login("officer1");
        long record = fillInOnThePage(officer, newTask(firm));
        // submitted without the order to issue its documents: as if every issue so far had failed
        DemoActor.of(users.findByUsername("officer1").orElseThrow()).run(() -> inspections.submit(record, false));

        String pending = mvc.perform(get("/inspection/records/" + record).session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pending).contains("文书生成中").contains("hx-trigger=\"every 2s\"").contains("责令限期整改指令书")
                .doesNotContain("id=\"issue-documents\"");
        clock.advance(Duration.ofMinutes(2));
        try {
            String late = mvc.perform(get("/inspection/records/" + record + "/documents").session(officer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(late).doesNotContain("文书生成中").contains("文书尚未生成").contains("系统会自动重试")
                    .contains("id=\"issue-documents\"");
            String api = mvc.perform(get("/api/v1/inspection/records/" + record).header("Authorization", Tokens.bearer(mvc, "officer1")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<Boolean>read(api, "$.documentsDelayed")).isTrue();
            assertThat(JsonPath.<List<String>>read(api, "$.documents[*].state")).containsOnly("PENDING");
        } finally {
            clock.reset();
        }
        mvc.perform(post("/inspection/records/" + record + "/documents").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(issuedFor(record)).extracting(IssuedDocument::kind)
                .containsExactlyInAnyOrder("INSPECTION_RECORD", "RECTIFICATION_ORDER");
    }

    String settingsPage(MockHttpSession admin) throws Exception {
        String own = mvc.perform(get("/documents/settings").session(admin)).andReturn().getResponse().getRedirectedUrl();
        return mvc.perform(get(own).session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void no_link_in_the_code_points_at_localhost() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f).contains("localhost:8080");
                } catch (java.io.IOException | java.io.UncheckedIOException binary) {
                    return false;
                }
            }).toList()).isEmpty();
        }
    }
}
