package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecorded;
import cn.zhifa.inspection.TaskSource;
import cn.zhifa.reporting.internal.VisitReadModel;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reporting read model kept from inspection's events equals its rebuild from the replayed facts; the annual
 * figures match the lists and statistics they drill into, within the caller's scope; the annual report and the
 * dashboard export read back with the same figures.
 */
@ZhifaIntegrationTest
class ReportingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitReadModel visits;

    private List<Integer> recordYears() {
        return jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM started_at AT TIME ZONE 'Asia/Shanghai')::int FROM inspection_record "
                + "WHERE status = 'SUBMITTED' ORDER BY 1").query(Integer.class).list();
    }

    private String readModel(int year) {
        return jdbc.sql("SELECT organization_id || '/' || day || '/' || kind || '/' || mode || '=' || visits || '+' || officer_visits "
                        + "FROM reporting_visit_day WHERE EXTRACT(YEAR FROM day) = :y AND visits <> 0 ORDER BY 1")
                .param("y", year).query(String.class).list().stream().collect(Collectors.joining("\n"))
                + "\n" + jdbc.sql("SELECT organization_id || '/' || kind || '/' || enterprise_id || '=' || visits "
                        + "FROM reporting_firm_year WHERE year = :y AND visits <> 0 ORDER BY 1")
                .param("y", year).query(String.class).list().stream().collect(Collectors.joining("\n"));
    }

    private void awaitIncremental() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_visit").query(Long.class).single()
                >= jdbc.sql("SELECT count(*) FROM inspection_record WHERE status = 'SUBMITTED'").query(Long.class).single());
    }

    @Test
    void the_read_model_kept_from_events_equals_its_rebuild_from_the_replayed_records() {
        awaitIncremental();
        List<Integer> years = recordYears();
        assertThat(years).as("the demo city has submitted records").isNotEmpty();
        for (int year : years) {
            String incremental = readModel(year);
            assertThat(incremental).as("read model of " + year).contains("=");
            visits.rebuild(year);
            assertThat(readModel(year)).as("rebuild of " + year).isEqualTo(incremental);
            long submitted = jdbc.sql("SELECT count(*) FROM inspection_record WHERE status = 'SUBMITTED' "
                    + "AND EXTRACT(YEAR FROM started_at AT TIME ZONE 'Asia/Shanghai') = :y").param("y", year).query(Long.class).single();
            long firms = jdbc.sql("SELECT count(DISTINCT enterprise_id) FROM inspection_record WHERE status = 'SUBMITTED' "
                    + "AND EXTRACT(YEAR FROM started_at AT TIME ZONE 'Asia/Shanghai') = :y").param("y", year).query(Long.class).single();
            List<Long> all = jdbc.sql("SELECT id FROM organization").query(Long.class).list();
            VisitReadModel.VisitFigures figures = visits.figures(year, all);
            assertThat(figures.visits()).isEqualTo(submitted);
            assertThat(figures.firms()).isEqualTo(firms);
        }
    }

    @Test
    void a_repeated_event_counts_once_and_a_correction_replaces_what_it_corrects() {
        long org = jdbc.sql("SELECT id FROM organization ORDER BY id LIMIT 1").query(Long.class).single();
        LocalDate day = LocalDate.of(2001, 3, 5);
        InspectionRecorded first = new InspectionRecorded(-901, -1, -77, "测试企业", InspectionKind.KEY, InspectionMode.ON_SITE,
                day, org, TaskSource.AD_HOC, null, List.of(1L, 2L), 0, null);
        visits.apply(first);
        visits.apply(first);
        VisitReadModel.VisitFigures once = visits.figures(2001, List.of(org));
        assertThat(once.visits()).isEqualTo(1);
        assertThat(once.officerVisits()).isEqualTo(2);
        assertThat(once.visitsByKind()).containsEntry(InspectionKind.KEY, 1L);
        visits.apply(new InspectionRecorded(-902, -1, -77, "测试企业", InspectionKind.GENERAL, InspectionMode.ONLINE, day, org,
                TaskSource.AD_HOC, null, List.of(1L, 2L, 3L), 0, -901L));
        VisitReadModel.VisitFigures corrected = visits.figures(2001, List.of(org));
        assertThat(corrected.visits()).isEqualTo(1);
        assertThat(corrected.firms()).isEqualTo(1);
        assertThat(corrected.officerVisits()).isEqualTo(3);
        assertThat(corrected.visitsByKind()).containsEntry(InspectionKind.KEY, 0L).containsEntry(InspectionKind.GENERAL, 1L);
        assertThat(corrected.visitsByMode()).containsEntry(InspectionMode.ONLINE, 1L);
        visits.rebuild(2001);
        assertThat(visits.figures(2001, List.of(org)).visits()).as("nothing was recorded in 2001").isZero();
    }

    @Test
    void the_annual_figures_match_the_module_statistics_they_drill_into_within_the_callers_scope() throws Exception {
        awaitIncremental();
        int year = recordYears().get(recordYears().size() - 1);
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        String body = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long visitsInCity = jdbc.sql("SELECT count(*) FROM inspection_record WHERE status = 'SUBMITTED' "
                + "AND EXTRACT(YEAR FROM started_at AT TIME ZONE 'Asia/Shanghai') = :y").param("y", year).query(Long.class).single();
        assertThat(((Number) JsonPath.read(body, "$.inspectionVisits")).longValue()).isEqualTo(visitsInCity);
        Map<String, Number> byKind = JsonPath.read(body, "$.visitsByKind");
        assertThat(byKind).containsOnlyKeys("KEY", "GENERAL", "OTHER");
        assertThat(byKind.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(visitsInCity);
        for (String field : List.of("officersCertified", "officersNew", "certificatesRevoked", "participationRate", "firmsInspected",
                "officerVisits", "hazardsFound", "majorHazardsFound", "majorHazardsRectified", "rectificationRate", "casesFiled",
                "casesFiledByKind", "casesDecided", "decidedByKind", "finesYuan", "finesByKind", "individualsFined",
                "finesOnIndividualsYuan", "legalReviews", "meetings", "hearings", "coerciveMeasures", "criminalTransfers",
                "documentsIssued", "publicityDue", "published", "publicityRate", "complaintsByChannel", "filedChangePercent",
                "finesChangePercent", "notRecorded")) {
            assertThat(JsonPath.<Map<String, Object>>read(body, "$")).as(field).containsKey(field);
        }
        assertThat(JsonPath.<List<String>>read(body, "$.notRecorded")).as("supervision records these now")
                .doesNotContain("投诉举报（按渠道）", "行政复议（按结果）", "行政诉讼（按结果）");

        String cases = mvc.perform(get("/api/v1/cases/statistics?year=" + year).header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String field : List.of("filed", "decided", "legalReviews", "hearings", "meetings")) {
            String ours = Map.of("filed", "casesFiled", "decided", "casesDecided").getOrDefault(field, field);
            assertThat(((Number) JsonPath.read(body, "$." + ours)).longValue()).as(field)
                    .isEqualTo(((Number) JsonPath.read(cases, "$." + field)).longValue());
        }
        assertThat(new java.math.BigDecimal(JsonPath.read(body, "$.finesYuan").toString()))
                .isEqualByComparingTo(new java.math.BigDecimal(JsonPath.read(cases, "$.finesYuan").toString()));
        long hazards = jdbc.sql("SELECT count(*) FROM hazard WHERE found_on BETWEEN :f AND :t AND status <> 'REPORTED'")
                .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31)).query(Long.class).single();
        assertThat(((Number) JsonPath.read(body, "$.hazardsFound")).longValue()).isEqualTo(hazards);

        long leaderUnit = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'leader1'").query(Long.class).single();
        String leader = Tokens.bearer(mvc, "leader1");
        String own = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String chosen = mvc.perform(get("/api/v1/statistics/annual?year=" + year + "&organizationId=" + leaderUnit)
                .header("Authorization", supervisor)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String field : List.of("inspectionVisits", "firmsInspected", "hazardsFound", "casesFiled", "documentsIssued", "published")) {
            assertThat(((Number) JsonPath.read(chosen, "$." + field)).longValue()).as(field)
                    .isEqualTo(((Number) JsonPath.read(own, "$." + field)).longValue());
        }
        long visitsInUnit = jdbc.sql("SELECT count(*) FROM inspection_record r JOIN organization o ON o.id = r.organization_id "
                        + "WHERE r.status = 'SUBMITTED' AND EXTRACT(YEAR FROM r.started_at AT TIME ZONE 'Asia/Shanghai') = :y "
                        + "AND o.path LIKE (SELECT path FROM organization WHERE id = :u) || '%'")
                .param("y", year).param("u", leaderUnit).query(Long.class).single();
        assertThat(((Number) JsonPath.read(own, "$.inspectionVisits")).longValue()).isEqualTo(visitsInUnit);
    }

    @Test
    void another_districts_unit_and_a_year_out_of_range_are_refused_in_chinese() throws Exception {
        String leader = Tokens.bearer(mvc, "leader1");
        long city = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'supervisor1'").query(Long.class).single();
        String refused = mvc.perform(get("/api/v1/statistics/annual?year=2026&organizationId=" + city).header("Authorization", leader))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("无权访问");
        String badYear = mvc.perform(get("/api/v1/statistics/annual?year=1999").header("Authorization", leader))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(badYear, "$.detail")).contains("统计年度应在2000年");
        String badFormat = mvc.perform(get("/api/v1/reports/annual?year=2026&format=pdf").header("Authorization", leader))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(badFormat, "$.detail")).contains("docx");
        mvc.perform(post("/api/v1/statistics/rebuild?year=2026").header("Authorization", leader)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/statistics/rebuild?year=2001").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andExpect(status().isOk());
    }

    @Test
    void the_annual_report_docx_and_the_dashboard_export_read_back_with_the_figures() throws Exception {
        awaitIncremental();
        int year = recordYears().get(recordYears().size() - 1);
        String leader = Tokens.bearer(mvc, "leader1");
        String body = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", leader))
                .andReturn().getResponse().getContentAsString();
        long firms = ((Number) JsonPath.read(body, "$.firmsInspected")).longValue();
        long visitCount = ((Number) JsonPath.read(body, "$.inspectionVisits")).longValue();
        long filed = ((Number) JsonPath.read(body, "$.casesFiled")).longValue();
        byte[] docx = mvc.perform(get("/api/v1/reports/annual?year=" + year + "&format=docx").header("Authorization", leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("行政执法工作报告", "一、行政执法基本情况", "二、主要工作措施及成效",
                    "三、存在问题和下一步打算", "【请填写：", year + "年我局共对" + firms + "家企业开展执法检查" + visitCount + "家次",
                    "立案查处案件" + filed + "件");
        }
        byte[] variant = mvc.perform(get("/api/v1/reports/annual?year=" + year + "&format=docx&variant=RULE_OF_LAW")
                .header("Authorization", leader)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(variant)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("法治政府建设年度报告", "党政主要负责人履行推进法治建设第一责任人职责情况");
        }
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        byte[] xlsx = mvc.perform(get("/reporting/export?year=" + year).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("年度统计");
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "检查（家次）".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo((double) visitCount);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(book.getSheet("分单位")).isNotNull();
        }
        String page = mvc.perform(get("/reporting?year=abc").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("统计年度应为四位数字年份。", "年度指标");
        String annual = mvc.perform(get("/reporting/annual?year=" + year).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(annual).contains("一、行政执法基本情况", "下载 Word 草稿");
    }
    @Test
    void the_quarterly_report_totals_the_quarters_visits_and_a_bad_period_is_explained_on_the_page() throws Exception {
        awaitIncremental();
        LocalDate day = jdbc.sql("SELECT max(started_at AT TIME ZONE 'Asia/Shanghai')::date FROM inspection_record WHERE status = 'SUBMITTED'")
                .query(LocalDate.class).single();
        int quarter = (day.getMonthValue() + 2) / 3;
        LocalDate from = LocalDate.of(day.getYear(), quarter * 3 - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        long visitsInQuarter = jdbc.sql("SELECT count(*) FROM inspection_record WHERE status = 'SUBMITTED' "
                        + "AND (started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :f AND :t")
                .param("f", from).param("t", to).query(Long.class).single();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        byte[] xlsx = mvc.perform(get("/reporting/periodic?period=" + day.getYear() + "-Q" + quarter).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("统计报表", "第" + "一二三四".charAt(quarter - 1) + "季度");
            org.apache.poi.ss.usermodel.Row total = null;
            long unitSum = 0;
            for (var row : sheet) {
                if (row.getRowNum() >= 4 && row.getCell(0) != null && row.getCell(2) != null) {
                    if ("合计".equals(row.getCell(0).getStringCellValue())) {
                        total = row;
                    } else {
                        unitSum += (long) row.getCell(2).getNumericCellValue();
                    }
                }
            }
            assertThat(total).isNotNull();
            assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(visitsInQuarter).isEqualTo(unitSum);
        }
        String page = mvc.perform(get("/reporting/periodic?period=2026-13").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("统计期间应为月份（如 2026-03）或季度（如 2026-Q1）。");
    }

    @Test
    void the_case_review_figures_come_from_supervisions_reviews_of_the_year() throws Exception {
        List<Integer> years = jdbc.sql("SELECT DISTINCT year FROM case_review_plan ORDER BY 1").query(Integer.class).list();
        assertThat(years).as("the demo city has a 案卷评查 plan").isNotEmpty();
        int year = years.get(years.size() - 1);
        long city = jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'supervisor1'").query(Long.class).single();
        String body = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", Tokens.bearer(mvc, "supervisor1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String inCity = " IN (SELECT id FROM organization WHERE path LIKE (SELECT path FROM organization WHERE id = :city) || '%')";
        long files = jdbc.sql("SELECT count(*) FROM case_review_file f JOIN case_review_plan p ON p.id = f.plan_id "
                        + "WHERE p.year = :y AND f.scored_at IS NOT NULL AND f.unit_id" + inCity)
                .param("y", year).param("city", city).query(Long.class).single();
        long problems = jdbc.sql("SELECT count(*) FROM case_review_problem r JOIN case_review_plan p ON p.id = r.plan_id "
                        + "WHERE p.year = :y AND r.unit_id" + inCity)
                .param("y", year).param("city", city).query(Long.class).single();
        assertThat(((Number) JsonPath.read(body, "$.caseReviews")).longValue()).isEqualTo(files);
        assertThat(((Number) JsonPath.read(body, "$.caseReviewProblems")).longValue()).isEqualTo(problems);
        assertThat(files + problems).as("the demo reviews scored files or raised problems").isPositive();
        assertThat(JsonPath.<List<String>>read(body, "$.notRecorded")).doesNotContain("案卷评查", "案卷评查发现问题");
    }

    @Test
    void the_plan_completion_counts_the_visits_planned_for_the_units_plan_firms_without_the_random_quota() throws Exception {
        int year = jdbc.sql("SELECT max(year) FROM planning_plan").query(Integer.class).single();
        String leader = Tokens.bearer(mvc, "leader1");
        String plans = mvc.perform(get("/api/v1/planning/plans?year=" + year + "&size=100").header("Authorization", leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long planned = JsonPath.<List<Number>>read(plans, "$.items[*].plannedVisits").stream().mapToLong(Number::longValue).sum()
                - JsonPath.<List<Number>>read(plans, "$.items[*].randomCount").stream().mapToLong(Number::longValue).sum();
        String body = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.planCompletion.planned")).longValue()).isEqualTo(planned).isPositive();
        long done = ((Number) JsonPath.read(body, "$.planCompletion.done")).longValue();
        assertThat(new java.math.BigDecimal(JsonPath.read(body, "$.planCompletion.rate").toString()))
                .isEqualByComparingTo(cn.zhifa.reporting.AnnualFigures.PlanCompletion.of(planned, done).rate());
    }

    @Autowired
    cn.zhifa.planning.PlanManagement plans;
    @Autowired
    cn.zhifa.organization.UserManagement users;
    @Autowired
    cn.zhifa.organization.DataScope scope;

    @Test
    void the_plan_completion_summed_in_one_query_equals_the_sum_of_each_plans_completion() {
        int year = jdbc.sql("SELECT max(year) FROM planning_plan").query(Integer.class).single();
        for (String username : List.of("leader1", "supervisor1")) {
            cn.zhifa.organization.UserView user = users.findByUsername(username).orElseThrow();
            cn.zhifa.shared.security.Actor actor = new cn.zhifa.shared.security.Actor() {
                public long userId() { return user.id(); }
                public String username() { return user.username(); }
                public String displayName() { return user.displayName(); }
                public long organizationId() { return user.organizationId(); }
                public java.util.Set<cn.zhifa.shared.security.Role> roles() { return user.roles(); }
            };
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(actor, null, List.of()));
            try {
                List<Long> orgs = scope.subtreeIds(user.organizationId());
                long planned = 0, done = 0;
                for (cn.zhifa.planning.InspectionPlan plan : plans.visiblePlans()) {
                    if (plan.getYear() == year && orgs.contains(plan.getOrganizationId())) {
                        cn.zhifa.planning.PlanManagement.Completion each = plans.completion(plan.getId());
                        planned += each.planned();
                        done += each.done();
                    }
                }
                assertThat(plans.completionTotals(year, orgs)).as(username)
                        .isEqualTo(new cn.zhifa.planning.PlanManagement.CompletionTotals(planned, done));
                assertThat(planned).as("%s's scope has a plan of %d", username, year).isPositive();
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        }
    }

    @Test
    void the_random_check_figures_equal_the_draws_of_the_year_and_the_serious_list_its_decisions() throws Exception {
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        String list = mvc.perform(get("/api/v1/planning/draws?size=100").header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> draws = JsonPath.read(list, "$.items[?(@.status == 'DRAWN')]");
        assertThat(draws).as("the demo city has executed draws").isNotEmpty();
        int year = Integer.parseInt(draws.get(0).get("month").toString().substring(0, 4));
        long drawn = 0, joint = 0, cross = 0;
        for (Map<String, Object> draw : draws) {
            if (!draw.get("month").toString().startsWith(year + "-")) {
                continue;
            }
            String detail = mvc.perform(get("/api/v1/planning/draws/" + draw.get("id")).header("Authorization", supervisor))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            int tasks = JsonPath.<List<Object>>read(detail, "$.tasks").size();
            drawn += tasks;
            joint += "JOINT".equals(draw.get("mode")) ? tasks : 0;
            cross += "CROSS".equals(draw.get("mode")) ? tasks : 0;
        }
        long inspected = jdbc.sql("""
                SELECT count(*) FROM planning_draw d JOIN planning_draw_task t ON t.draw_id = d.id
                WHERE d.status = 'DRAWN' AND d.month LIKE :y AND EXISTS (SELECT 1 FROM planning_visit v
                  WHERE v.draw_id = d.id AND v.enterprise_id = t.enterprise_id)""").param("y", year + "-%").query(Long.class).single();
        String body = mvc.perform(get("/api/v1/statistics/annual?year=" + year).header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.randomChecks.firmsDrawn")).longValue()).isEqualTo(drawn).isPositive();
        assertThat(((Number) JsonPath.read(body, "$.randomChecks.jointDrawn")).longValue()).isEqualTo(joint);
        assertThat(((Number) JsonPath.read(body, "$.randomChecks.crossDrawn")).longValue()).isEqualTo(cross);
        assertThat(((Number) JsonPath.read(body, "$.randomChecks.firmsInspected")).longValue()).isEqualTo(inspected)
                .isLessThanOrEqualTo(drawn);

        Integer listingYear = jdbc.sql("SELECT max(EXTRACT(YEAR FROM decided_on))::int FROM credit_listing WHERE status IN ('LISTED','REMOVED')")
                .query(Integer.class).single();
        assertThat(listingYear).as("the demo city has listing decisions").isNotNull();
        long listed = jdbc.sql("SELECT count(*) FROM credit_listing WHERE status IN ('LISTED','REMOVED') AND EXTRACT(YEAR FROM decided_on) = :y")
                .param("y", listingYear).query(Long.class).single();
        long removed = jdbc.sql("SELECT count(*) FROM credit_listing WHERE EXTRACT(YEAR FROM removed_on) = :y")
                .param("y", listingYear).query(Long.class).single();
        String credit = mvc.perform(get("/api/v1/statistics/annual?year=" + listingYear).header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(credit, "$.seriousList.listed")).longValue()).isEqualTo(listed).isPositive();
        assertThat(((Number) JsonPath.read(credit, "$.seriousList.removed")).longValue()).isEqualTo(removed);
    }

    @Test
    void the_dashboards_visit_figures_drill_down_to_the_records_of_their_year_and_unit() throws Exception {
        awaitIncremental();
        int year = recordYears().get(recordYears().size() - 1);
        MockHttpSession supervisor = (MockHttpSession) mvc.perform(formLogin().user("supervisor1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/reporting?year=" + year).session(supervisor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher figure = java.util.regex.Pattern
                .compile("id=\"fig-visits\" href=\"([^\"]+)\">\\d+ 家 · (\\d+) 家次<").matcher(page);
        assertThat(figure.find()).as("the visit figure is a link").isTrue();
        assertThat(Long.parseLong(figure.group(2))).isPositive();
        java.util.List<String[]> links = new java.util.ArrayList<>();
        links.add(new String[] {figure.group(1), figure.group(2)});
        java.util.regex.Matcher unitRows = java.util.regex.Pattern
                .compile("<a href=\"(/inspection/records\\?year=" + year + "&amp;unit=\\d+)\"\\s*>\\s*(\\d+)</a>").matcher(page);
        while (unitRows.find()) {
            links.add(new String[] {unitRows.group(1), unitRows.group(2)});
        }
        assertThat(links).as("the city's figure and its districts' rows").hasSizeGreaterThan(1);
        for (String[] link : links) {
            String list = mvc.perform(get(link[0].replace("&amp;", "&")).session(supervisor)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(list).as(link[0]).contains(year + " 年已提交的检查记录（含下级单位），共 " + link[1] + " 条");
        }
    }
}
