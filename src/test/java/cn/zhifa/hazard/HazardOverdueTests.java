package cn.zhifa.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionFixtures;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@ZhifaIntegrationTest
@RecordApplicationEvents
class HazardOverdueTests {

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
    HazardManagement hazards;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @Tag("external-db")
    void a_hazard_past_its_deadline_is_overdue_once_and_proposes_article_102() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long a = users.findByUsername("officer1").orElseThrow().id();
        long b = users.findByUsername("officer2").orElseThrow().id();
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 2).due();
        String task = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(a, b, InspectionFixtures.enterprise(jdbc, 11).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String record = mvc.perform(post("/api/v1/inspection/records").header("Authorization", token)
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.recordJson(((Number) JsonPath.read(task, "$.id")).longValue(), a, b,
                                deadline, false, true)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long recordId = ((Number) JsonPath.read(record, "$.id")).longValue();
        mvc.perform(get("/api/v1/hazards").param("recordId", "" + recordId).header("Authorization", token))
                .andExpect(jsonPath("$.items[0].overdue").value(false))
                .andExpect(jsonPath("$.items[0].dueSoon").value(true));

        clock.advance(Duration.ofDays(15));
        hazards.sweepOverdue();
        hazards.sweepOverdue();
        var overdue = events.stream(HazardOverdue.class).filter(e -> e.deadline().equals(deadline)).toList();
        assertThat(overdue).hasSize(2);
        assertThat(overdue).allSatisfy(e -> assertThat(e.suggestedArticle()).contains("第一百零二条"));
        assertThat(overdue).extracting(HazardOverdue::level).containsExactlyInAnyOrder(HazardLevel.MAJOR, HazardLevel.GENERAL);
        mvc.perform(get("/api/v1/hazards").param("recordId", "" + recordId).param("filter", "overdue")
                        .header("Authorization", Tokens.bearer(mvc, "officer1")))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].overdue").value(true));
    }
}
