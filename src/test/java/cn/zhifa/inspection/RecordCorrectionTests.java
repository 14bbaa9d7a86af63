package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.RuleViolation;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
class RecordCorrectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InspectionManagement inspections;

    @Test
    void a_submitted_record_is_immutable_and_a_correction_supersedes_it_without_duplicating_hazards() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10).due();
        String task = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(a, b, InspectionFixtures.enterprise(jdbc, 31).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String record = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(((Number) JsonPath.read(task, "$.id")).longValue(), a, b,
                                deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long first = ((Number) JsonPath.read(record, "$.id")).longValue();

        DemoActor.of(users.findByUsername("officer1").orElseThrow()).run(() -> {
            assertThatThrownBy(() -> inspections.answer(first, "AQ-22", ItemOutcome.FAILS, null, null, deadline, null))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("已提交");
            assertThatThrownBy(() -> inspections.correct(first, " ")).hasMessageContaining("更正理由");
            long second = inspections.correct(first, "现场负责人职务填写有误");
            inspections.describe(second, "厂区", null, null, "张经理", "生产副总", null, "检查了安全管理资料和生产现场。");
            assertThatThrownBy(() -> inspections.submit(second, false)).hasMessageContaining("尚未签名");
            inspections.signAsOfficer(second, a, InspectionFixtures.signature());
            inspections.signAsOfficer(second, b, InspectionFixtures.signature());
            inspections.signAsRepresentative(second, "张经理", InspectionFixtures.signature(), false, null);
            inspections.submit(second, false);
            assertThat(inspections.record(first).getStatus()).isEqualTo(RecordStatus.SUPERSEDED);
            InspectionRecord corrected = inspections.record(second);
            assertThat(corrected.getStatus()).isEqualTo(RecordStatus.SUBMITTED);
            assertThat(corrected.getRecordVersion()).isEqualTo(2);
            assertThat(corrected.getCorrectionReason()).isEqualTo("现场负责人职务填写有误");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM hazard WHERE origin_record_id = :r").param("r", first)
                .query(Long.class).single()).as("the correction registers no second set of hazards").isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("UPDATE inspection_record SET place = 'x' WHERE id = :id").param("id", first).update())
                .hasMessageContaining("不可修改");
    }
}
