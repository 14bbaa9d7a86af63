package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
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

/** 复查 with drawn signatures issues the 整改复查意见书, referring to the 责令限期整改指令书; without them nothing is stored. */
@ZhifaIntegrationTest
class RecheckOpinionTests {

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

    record Found(long hazardId, long recordId, String enterprise) {
    }

    /** A submitted record with two failed items; the clock then passes their deadline so 复查 is due. */
    Found overdueHazard(int offset) throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterprise(jdbc, offset);
        String task = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long taskId = ((Number) JsonPath.read(task, "$.id")).longValue();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due();
        String record = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(taskId, officerA, officerB, deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();
        String list = mvc.perform(get("/api/v1/hazards").param("recordId", String.valueOf(recordId))
                .header("Authorization", token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(list, "$.items[*].id");
        clock.advance(Duration.ofDays(30));
        return new Found(ids.get(0).longValue(), recordId, firm.name());
    }

    String reinspection(String officerPng, String representative) {
        long officerA = users.findByUsername("officer1").orElseThrow().id();
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        return """
                {"passed":true,"opinion":"经复查，上述问题已整改到位。","evidenceIds":[],
                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}]%s}
                """.formatted(officerA, officerPng, officerB, InspectionFixtures.signature(),
                representative == null ? "" : ",\"representative\":" + representative);
    }

    @Test
    void a_signed_reinspection_issues_the_rectification_recheck_opinion_as_a_pdf() throws Exception {
        Found found = overdueHazard(41);
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/hazards/" + found.hazardId() + "/reinspection").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(reinspection(InspectionFixtures.signature(),
                                "{\"name\":\"张经理\",\"png\":\"" + InspectionFixtures.signature() + "\",\"refused\":false}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REINSPECTED"));

        List<IssuedDocument> issued = hazardDocuments.of(found.hazardId());
        assertThat(issued).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("RECHECK_OPINION");
            assertThat(d.title()).isEqualTo("整改复查意见书");
            assertThat(d.number()).contains("复查");
        });
        IssuedDocument order = documents.forSource(new SourceRef("现场检查记录", String.valueOf(found.recordId()))).stream()
                .filter(d -> d.kind().equals("RECTIFICATION_ORDER")).findFirst().orElseThrow();
        byte[] pdf = documents.pdf(issued.get(0).id()).orElseThrow();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s|\\u2009", "");
            assertThat(text).contains("整改复查意见书").contains(found.enterprise().replaceAll("\\s", ""))
                    .contains(order.number().replaceAll("\\s", "")).contains("经复查，上述问题已整改到位。");
        }
        long officerB = users.findByUsername("officer2").orElseThrow().id();
        LocalDate rechecked = LocalDate.now(clock);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM enforcement_act e JOIN hazard h ON h.enterprise_id = e.enterprise_id
                        WHERE h.id = ? AND e.user_id = ? AND e.occurred_on = ? AND e.kind = '复查'""")
                .params(found.hazardId(), officerB, java.sql.Date.valueOf(rechecked)).query(Long.class).single() == 1);
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/hazards/" + found.hazardId()).session(officer)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(order.number())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(issued.get(0).number())));
    }

    @Test
    void a_reinspection_without_the_person_in_charge_signature_is_refused_and_stores_nothing() throws Exception {
        Found found = overdueHazard(43);
        String token = Tokens.bearer(mvc, "officer1");
        mvc.perform(post("/api/v1/hazards/" + found.hazardId() + "/reinspection").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(reinspection(InspectionFixtures.signature(), "{\"name\":\"张经理\",\"png\":\"\",\"refused\":false}")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("被复查单位负责人：签名缺失：请在签名框内签名。"));
        mvc.perform(post("/api/v1/hazards/" + found.hazardId() + "/reinspection").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(reinspection(InspectionFixtures.blankSignature(), null)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("签名为空白")));

        assertThat(jdbc.sql("SELECT status, reinspection_count, reinspection_opinion FROM hazard WHERE id = :id")
                .param("id", found.hazardId())
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3)).single())
                .isEqualTo("RECTIFYING/0/null");
        assertThat(hazardDocuments.of(found.hazardId())).isEmpty();
    }
}
