package cn.zhifa.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.hazard.HazardExposed;
import cn.zhifa.hazard.HazardLevel;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The portal's 权责清单 (kept by ADMIN, versioned by year) and 隐患曝光台 (flagged by a leader), read without login. */
@ZhifaIntegrationTest
class PortalSectionsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired cn.zhifa.publicity.internal.RandomCheckResults randomChecks;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(Tokens.DEMO_PASSWORD)).andReturn().getRequest().getSession();
    }

    static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anyone_reads_this_years_power_list_by_kind_without_logging_in() throws Exception {
        int year = LocalDate.now(clock).getYear();
        MockHttpServletResponse api = mvc.perform(get("/api/v1/public/powers").param("size", "50")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        String body = text(api);
        assertThat((Integer) JsonPath.read(body, "$.total")).isGreaterThanOrEqualTo(20);
        assertThat((Integer) JsonPath.read(body, "$.size")).isEqualTo(50);
        Map<String, Object> first = JsonPath.read(body, "$.items[0]");
        assertThat(first.keySet()).containsExactlyInAnyOrder("kind", "name", "legalBasis", "body", "level", "year");
        assertThat(first).containsEntry("kind", "行政处罚").containsEntry("year", year).containsEntry("body", "示例市东城区应急管理局");
        List<String> kinds = JsonPath.read(body, "$.items[*].kind");
        assertThat(kinds).containsSubsequence("行政处罚", "行政检查", "行政强制", "行政奖励").doesNotContain("PENALTY");

        String reward = text(mvc.perform(get("/api/v1/public/powers").param("kind", "行政奖励")).andReturn().getResponse());
        assertThat((Integer) JsonPath.read(reward, "$.total")).isEqualTo(1);
        assertThat(reward).contains("第七十六条");
        MockHttpServletResponse badKind = mvc.perform(get("/api/v1/public/powers").param("kind", "许可")).andReturn().getResponse();
        assertThat(badKind.getStatus()).isEqualTo(422);
        assertThat(text(badKind)).contains("权力类别只能是");

        String page = text(mvc.perform(get("/public/powers").param("q", "查封")).andReturn().getResponse());
        assertThat(page).contains(year + "年度权责清单").contains("行政强制").contains("查封或者扣押").contains("行政处罚 14 项")
                .doesNotContain("未采取措施消除事故隐患的处罚");
    }

    @Test
    void the_admin_keeps_the_list_with_refusals_on_the_form_and_starts_next_year_as_a_copy() throws Exception {
        MockHttpSession admin = login("admin");
        int year = LocalDate.now(clock).getYear();
        int next = year + 40;
        try {
            MockHttpServletResponse refused = mvc.perform(post("/publicity/powers").session(admin).with(csrf())
                    .param("year", String.valueOf(year)).param("kind", "OTHER").param("name", "生产安全事故应急预案备案")
                    .param("legalBasis", "").param("body", "示例市东城区应急管理局").param("level", "区县级")).andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(text(refused)).contains("请填写设定依据。").contains("value=\"生产安全事故应急预案备案\"").contains("新增权力事项");

            assertThat(mvc.perform(post("/publicity/powers").session(admin).with(csrf())
                    .param("year", String.valueOf(year)).param("kind", "OTHER").param("name", "生产安全事故应急预案备案")
                    .param("legalBasis", "《生产安全事故应急预案管理办法》").param("body", "示例市东城区应急管理局").param("level", "区县级"))
                    .andReturn().getResponse().getStatus()).isEqualTo(302);
            long id = jdbc.sql("SELECT id FROM publicity_power WHERE list_year = ? AND name = '生产安全事故应急预案备案'").param(year)
                    .query(Long.class).single();
            assertThat(mvc.perform(post("/publicity/powers").session(admin).with(csrf())
                    .param("year", String.valueOf(year)).param("kind", "OTHER").param("name", "生产安全事故应急预案备案")
                    .param("legalBasis", "重复").param("body", "机关").param("level", "区县级")).andReturn().getResponse().getStatus())
                    .as("the same power twice in a year").isEqualTo(422);

            assertThat(mvc.perform(post("/publicity/powers/" + id).session(admin).with(csrf()).param("version", "0").param("kind", "OTHER")
                    .param("name", "生产经营单位生产安全事故应急预案备案").param("legalBasis", "《生产安全事故应急预案管理办法》")
                    .param("body", "示例市东城区应急管理局").param("level", "区县级")).andReturn().getResponse().getStatus()).isEqualTo(302);
            MockHttpServletResponse stale = mvc.perform(post("/publicity/powers/" + id).session(admin).with(csrf()).param("version", "0")
                    .param("kind", "OTHER").param("name", "旧表单").param("legalBasis", "依据").param("body", "机关").param("level", "区县级"))
                    .andReturn().getResponse();
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(text(stale)).contains("已被他人修改").contains("value=\"旧表单\"");
            assertThat(text(mvc.perform(get("/api/v1/public/powers").param("kind", "OTHER")).andReturn().getResponse()))
                    .contains("生产经营单位生产安全事故应急预案备案");

            assertThat(mvc.perform(post("/publicity/powers/copy").session(admin).with(csrf()).param("from", String.valueOf(year))
                    .param("to", String.valueOf(next))).andReturn().getResponse().getStatus()).isEqualTo(302);
            long copied = jdbc.sql("SELECT count(*) FROM publicity_power WHERE list_year = ?").param(next).query(Long.class).single();
            assertThat(copied).isEqualTo(jdbc.sql("SELECT count(*) FROM publicity_power WHERE list_year = ?").param(year).query(Long.class).single());
            MockHttpServletResponse again = mvc.perform(post("/publicity/powers/copy").session(admin).with(csrf())
                    .param("from", String.valueOf(year)).param("to", String.valueOf(next))).andReturn().getResponse();
            assertThat(again.getStatus()).isEqualTo(422);
            assertThat(text(again)).contains(next + "年度的权责清单已存在");
            assertThat((Integer) JsonPath.read(text(mvc.perform(get("/api/v1/public/powers")).andReturn().getResponse()), "$.items[0].year"))
                    .as("the public still reads this year's list").isEqualTo(year);

            assertThat(mvc.perform(post("/publicity/powers/" + id + "/delete").session(admin).with(csrf())).andReturn().getResponse()
                    .getStatus()).isEqualTo(302);
            assertThat(jdbc.sql("SELECT count(*) FROM publicity_power WHERE id = ?").param(id).query(Long.class).single()).isZero();
            assertThat(mvc.perform(get("/publicity/powers").session(login("leader1"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        } finally {
            jdbc.sql("DELETE FROM publicity_power WHERE list_year = ? OR (list_year = ? AND NOT demo)").params(next, year).update();
        }
    }

    @Test
    void a_hazard_a_leader_flags_is_on_the_exposure_board_masked_until_the_flag_is_taken_back() throws Exception {
        String board = text(mvc.perform(get("/api/v1/public/exposures")).andReturn().getResponse());
        assertThat((Integer) JsonPath.read(board, "$.total")).as("the demo's exposed major hazard").isPositive();
        long demoHazard = jdbc.sql("SELECT hazard_id FROM publicity_exposure WHERE demo ORDER BY hazard_id LIMIT 1").query(Long.class).single();
        String firm = jdbc.sql("SELECT enterprise_name FROM publicity_exposure WHERE hazard_id = ?").param(demoHazard).query(String.class).single();

        MockHttpSession leader = login("leader1");
        try {
            assertThat(mvc.perform(post("/hazards/" + demoHazard + "/exposure").session(leader).with(csrf()).param("exposed", "false"))
                    .andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat((Integer) JsonPath.read(text(mvc.perform(get("/api/v1/public/exposures").param("q", firm)).andReturn().getResponse()),
                    "$.total")).isZero();
        } finally {
            mvc.perform(post("/hazards/" + demoHazard + "/exposure").session(leader).with(csrf()).param("exposed", "true"));
        }
        assertThat(text(mvc.perform(get("/public/exposures").param("q", firm)).andReturn().getResponse()))
                .contains(firm).contains("重大隐患").contains("隐患曝光台");

        tx.executeWithoutResult(s -> events.publishEvent(new HazardExposed(9_800_001L, 1L, 1L, "测试曝光有限公司", HazardLevel.GENERAL,
                "车间负责人张某（身份证11010519491231002X，电话13812345678）私自拆除防护罩", LocalDate.of(2026, 3, 2), "整改中", true,
                LocalDate.of(2026, 3, 3), false)));
        try {
            String masked = text(mvc.perform(get("/api/v1/public/exposures").param("q", "测试曝光")).andReturn().getResponse());
            Map<String, Object> item = JsonPath.read(masked, "$.items[0]");
            assertThat(item).containsEntry("enterpriseName", "测试曝光有限公司").containsEntry("level", "一般隐患")
                    .containsEntry("status", "整改中").containsEntry("foundOn", "2026-03-02");
            assertThat(masked).doesNotContain("11010519491231002X").doesNotContain("13812345678").contains("私自拆除防护罩");
        } finally {
            jdbc.sql("DELETE FROM publicity_exposure WHERE hazard_id = 9800001").update();
        }
    }

    @Test
    void each_drawn_firm_shows_its_result_after_the_inspection_without_logging_in() throws Exception {
        List<Long> firms = jdbc.sql("SELECT id FROM enterprise WHERE uscc IS NOT NULL ORDER BY id LIMIT 3").query(Long.class).list();
        long org = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        java.time.YearMonth month = java.time.YearMonth.of(2031, 3);
        try {
            tx.executeWithoutResult(s -> {
                randomChecks.on(new cn.zhifa.planning.InspectionTasksDrawn(9_600_001L, org, cn.zhifa.planning.DrawMode.OWN, month,
                        "AQ-01", "安全生产主体责任落实情况", "《中华人民共和国安全生产法》第四条", firms.stream()
                        .map(id -> new cn.zhifa.planning.InspectionTasksDrawn.Task(id, List.of(), List.of())).toList()));
                randomChecks.on(recorded(9_600_011L, firms.get(0), LocalDate.of(2031, 3, 10), 2, org));
                // the record's two failed items and a free finding added to it: three hazards registered from the record
                events.publishEvent(new cn.zhifa.inspection.FindingsRecorded(9_600_011L, 9_600_011L, org, firms.get(0), "企业",
                        LocalDate.of(2031, 3, 10), List.of(), List.of(finding("AQ-T1"), finding("AQ-T2"), finding(null)), false, null));
                randomChecks.on(recorded(9_600_012L, firms.get(1), LocalDate.of(2031, 3, 11), 0, org));
                randomChecks.on(new cn.zhifa.casework.CaseEvent.CaseFiled(9_600_021L, LocalDate.of(2031, 3, 20), firms.get(1)));
            });
            MockHttpServletResponse api = mvc.perform(get("/api/v1/public/double-random").param("month", "2031-03")).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(200);
            String body = text(api);
            assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(3);
            List<String> results = JsonPath.read(body, "$.items[*].result");
            assertThat(results).containsExactlyInAnyOrder("发现隐患 3 项，已责令整改", "立案查处", "待检查");
            Map<String, Object> item = JsonPath.read(body, "$.items[0]");
            assertThat(item.keySet()).containsExactlyInAnyOrder("month", "item", "enterpriseName", "uscc", "authority", "inspectedOn", "result");
            assertThat(item).containsEntry("month", "2031-03").containsEntry("item", "安全生产主体责任落实情况")
                    .containsEntry("authority", "示例市东城区应急管理局");
            LocalDate due = jdbc.sql("SELECT result_due_on FROM publicity_random_check WHERE draw_id = 9600001 AND enterprise_id = ?")
                    .param(firms.get(0)).query(LocalDate.class).single();
            assertThat(due).as("20 working days after the inspection").isAfter(LocalDate.of(2031, 4, 4));

            assertThat(text(mvc.perform(get("/public/double-random").param("month", "2031-03")).andReturn().getResponse()))
                    .contains("发现隐患 3 项，已责令整改").contains("立案查处").contains("待检查").contains("双随机抽查结果");
            MockHttpServletResponse bad = mvc.perform(get("/api/v1/public/double-random").param("month", "2031年3月")).andReturn().getResponse();
            assertThat(bad.getStatus()).isEqualTo(422);
            assertThat(text(bad)).contains("月份格式应为 YYYY-MM");
        } finally {
            jdbc.sql("DELETE FROM publicity_random_check WHERE draw_id = 9600001").update();
            jdbc.sql("DELETE FROM hazard WHERE origin_record_id = 9600011").update();
        }
    }

    static cn.zhifa.inspection.FindingsRecorded.Finding finding(String itemCode) {
        return new cn.zhifa.inspection.FindingsRecorded.Finding(itemCode, "安全警示标志缺失", "《中华人民共和国安全生产法》第三十五条",
                false, null, "仓库", LocalDate.of(2031, 3, 25), null, List.of());
    }

    static cn.zhifa.inspection.InspectionRecorded recorded(long recordId, long firm, LocalDate on, int failed, long org) {
        return new cn.zhifa.inspection.InspectionRecorded(recordId, recordId, firm, "企业", cn.zhifa.inspection.InspectionKind.GENERAL,
                cn.zhifa.inspection.InspectionMode.ON_SITE, on, org, cn.zhifa.inspection.TaskSource.DRAW, null, List.of(), failed, null);
    }

    @Test
    void a_leader_approves_a_published_decision_as_a_typical_case_with_its_lesson() throws Exception {
        String board = text(mvc.perform(get("/api/v1/public/cases")).andReturn().getResponse());
        assertThat((Integer) JsonPath.read(board, "$.total")).as("the demo's typical case").isPositive();
        assertThat(board).contains("\"lesson\":\"企业主要负责人");

        long published = jdbc.sql("""
                SELECT p.id FROM penalty_publication p WHERE p.published_on IS NOT NULL AND p.withdrawn_on IS NULL
                  AND p.expires_on >= CURRENT_DATE AND p.id NOT IN (SELECT publication_id FROM publicity_typical_case)
                ORDER BY p.id LIMIT 1""").query(Long.class).single();
        MockHttpSession leader = login("leader1");
        try {
            MockHttpServletResponse tooShort = mvc.perform(post("/publicity/" + published + "/typical").session(leader).with(csrf())
                    .param("lesson", "引以为戒")).andReturn().getResponse();
            assertThat(tooShort.getStatus()).isEqualTo(422);
            assertThat(text(tooShort)).contains("不少于 20 字").contains("引以为戒");
            MockHttpServletResponse officer = mvc.perform(post("/publicity/" + published + "/typical").session(login("officer1"))
                    .with(csrf()).param("lesson", "x".repeat(30))).andReturn().getResponse();
            assertThat(officer.getStatus()).isEqualTo(403);

            String lesson = "危险作业必须安排专门人员现场安全管理，企业应当落实作业审批和监护制度，本案以案示警，请各单位对照自查。";
            assertThat(mvc.perform(post("/publicity/" + published + "/typical").session(leader).with(csrf()).param("lesson", lesson))
                    .andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat(text(mvc.perform(get("/api/v1/public/cases").param("size", "100")).andReturn().getResponse())).contains(lesson);
            assertThat(text(mvc.perform(get("/public/cases")).andReturn().getResponse())).contains(lesson).contains("典型案例");

            assertThat(mvc.perform(post("/publicity/" + published + "/typical/remove").session(leader).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(302);
            assertThat(text(mvc.perform(get("/api/v1/public/cases").param("size", "100")).andReturn().getResponse())).doesNotContain(lesson);
        } finally {
            jdbc.sql("DELETE FROM publicity_typical_case WHERE publication_id = ?").param(published).update();
        }
    }

    @Test
    void the_before_enforcement_page_shows_the_plan_its_check_items_the_officers_and_the_parties_rights() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/public/before")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("年度安全生产监督检查计划").contains("随机抽查事项清单").contains("安全生产主体责任落实情况")
                .contains("执法证号").contains("执法区域").contains("当事人的权利").contains("12350").contains("行政处罚 14 项")
                .doesNotContain("PUBLISHED").doesNotContain("officer1");
    }
}
