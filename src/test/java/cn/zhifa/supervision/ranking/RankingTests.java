package cn.zhifa.supervision.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 效能考评 over the API and the page (brigades and townships ranked apart, every score the sum of its indicators'
 * points, a bad quarter refused in Chinese, the scheme edited by a supervisor only), and supervision's figures in the
 * annual report now recorded and equal to the complaint register and the 复议/诉讼 ledger.
 */
@ZhifaIntegrationTest
class RankingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired DataSource dataSource;

    @Test
    void the_quarter_ranks_brigades_and_townships_apart_and_every_score_is_the_sum_of_its_points() throws Exception {
        String quarter = Rankings.Quarter.of(LocalDate.now(clock)).code();
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        String body = mvc.perform(get("/api/v1/supervision/rankings").param("period", quarter).param("size", "100")
                .header("Authorization", supervisor)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        Map<String, BigDecimal> weights = jdbc.sql("SELECT name, weight FROM ranking_indicator").query((rs, n) -> Map.entry(
                rs.getString(1), rs.getBigDecimal(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(items).extracting(i -> i.get("group")).contains("执法大队", "乡镇（街道）");
        for (String group : List.of("执法大队", "乡镇（街道）")) {
            List<Map<String, Object>> ranked = items.stream().filter(i -> group.equals(i.get("group"))).toList();
            assertThat(ranked).as(group).extracting(i -> ((Number) i.get("rank")).intValue()).isSorted().startsWith(1);
            assertThat(ranked.get(0).get("redFlag")).as("the first of " + group).isEqualTo(
                    new BigDecimal(String.valueOf(ranked.get(0).get("score"))).signum() > 0);
        }
        long townships = jdbc.sql("SELECT count(*) FROM organization WHERE kind = 'TOWNSHIP'").query(Long.class).single();
        assertThat(items.stream().filter(i -> "乡镇（街道）".equals(i.get("group"))).count()).isEqualTo(townships);
        for (Map<String, Object> item : items) {
            List<Map<String, Object>> parts = (List<Map<String, Object>>) item.get("indicators");
            assertThat(parts).extracting(p -> p.get("name")).containsExactlyInAnyOrderElementsOf(weights.keySet());
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, Object> p : parts) {
                BigDecimal points = new BigDecimal(String.valueOf(p.get("points")));
                assertThat(points).as(item.get("name") + " " + p.get("name")).isBetween(BigDecimal.ZERO, weights.get(p.get("name")));
                assertThat(p.get("value")).isNotNull();
                sum = sum.add(points);
            }
            assertThat(new BigDecimal(String.valueOf(item.get("score")))).as((String) item.get("name")).isEqualByComparingTo(sum);
        }

        MockHttpServletResponse bad = mvc.perform(get("/api/v1/supervision/rankings").param("period", "2026Q5")
                .header("Authorization", supervisor)).andReturn().getResponse();
        assertThat(bad.getStatus()).as("a RuleViolation answers 422").isEqualTo(422);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("考评期间应为季度");

        String page = mvc.perform(get("/supervision/rankings").param("period", quarter).session(login("supervisor1")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("效能考评", "流动红旗", "红榜", "黑榜", "ranking-chart", (String) items.get(0).get("name"));
    }

    /**
     * The 逾期 figure reads the case watch list, which first recomputes a case users just changed in a transaction of its
     * own. With every connection of the main pool but one held elsewhere the ranking still answers: inside a read-only
     * transaction of its own it held that one and waited for a second until the pool's timeout (30 s), then failed.
     */
    @Test
    void the_ranking_answers_with_one_free_connection_while_a_changed_case_is_recomputed() throws Exception {
        String quarter = Rankings.Quarter.of(LocalDate.now(clock)).code();
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        long changed = jdbc.sql("SELECT min(id) FROM penalty_case").query(Long.class).single();
        jdbc.sql("INSERT INTO case_deadline_stale (penalty_case, marked) VALUES (:id, nextval('case_deadline_stale_seq'))"
                + " ON CONFLICT (penalty_case) DO NOTHING").param("id", changed).update();
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        int status;
        try {
            while (held.size() < main.getMaximumPoolSize() - 1) {
                held.add(main.getConnection());
            }
            status = mvc.perform(get("/api/v1/supervision/rankings").param("period", quarter).header("Authorization", supervisor))
                    .andReturn().getResponse().getStatus();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(status).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM case_deadline_stale WHERE penalty_case = :id").param("id", changed)
                .query(Long.class).single()).as("the changed case recomputed before the figure was read").isZero();
    }

    @Test
    void a_supervisor_edits_an_indicator_a_year_only_figure_stays_yearly_and_an_officer_is_refused() throws Exception {
        Map<String, Object> cases = jdbc.sql("SELECT id, weight, version FROM ranking_indicator WHERE figure = 'CASES_FILED'")
                .query().singleRow();
        long id = ((Number) cases.get("id")).longValue();
        int version = ((Number) cases.get("version")).intValue();
        String supervisor = Tokens.bearer(mvc, "supervisor1");
        try {
            String edited = mvc.perform(put("/api/v1/supervision/rankings/indicators/" + id).header("Authorization", supervisor)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"name":"案件查处数","weight":25,"direction":"HIGHER","period":"YEAR","version":%d}""".formatted(version)))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(JsonPath.<Object>read(edited, "$.period")).isEqualTo("YEAR");
            assertThat(new BigDecimal(JsonPath.read(edited, "$.weight").toString())).isEqualByComparingTo("25");

            MockHttpServletResponse stale = mvc.perform(put("/api/v1/supervision/rankings/indicators/" + id)
                    .header("Authorization", supervisor).contentType(MediaType.APPLICATION_JSON).content("""
                            {"name":"案件查处数","weight":30,"direction":"HIGHER","period":"YEAR","version":%d}""".formatted(version)))
                    .andReturn().getResponse();
            assertThat(stale.getStatus()).isEqualTo(409);
        } finally {
            jdbc.sql("UPDATE ranking_indicator SET weight = :w, period = 'QUARTER' WHERE id = :id")
                    .param("w", cases.get("weight")).param("id", id).update();
        }

        long publicity = jdbc.sql("SELECT id FROM ranking_indicator WHERE figure = 'PUBLICITY_RATE'").query(Long.class).single();
        int publicityVersion = jdbc.sql("SELECT version FROM ranking_indicator WHERE id = :id").param("id", publicity)
                .query(Integer.class).single();
        MockHttpServletResponse quarterly = mvc.perform(put("/api/v1/supervision/rankings/indicators/" + publicity)
                .header("Authorization", supervisor).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"公示及时率","weight":10,"direction":"HIGHER","period":"QUARTER","version":%d}""".formatted(publicityVersion)))
                .andReturn().getResponse();
        assertThat(quarterly.getStatus()).isEqualTo(422);
        assertThat(quarterly.getContentAsString(StandardCharsets.UTF_8)).contains("只按年度统计");
        assertThat(jdbc.sql("SELECT period FROM ranking_indicator WHERE id = :id").param("id", publicity).query(String.class).single())
                .isEqualTo("YEAR");

        assertThat(mvc.perform(put("/api/v1/supervision/rankings/indicators/" + publicity)
                .header("Authorization", Tokens.bearer(mvc, "officer1")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"公示及时率","weight":50,"direction":"HIGHER","period":"YEAR","version":%d}""".formatted(publicityVersion)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void the_annual_figures_take_complaints_per_channel_and_reviews_per_outcome_from_supervision() throws Exception {
        int year = LocalDate.now(clock).getYear();
        String body = mvc.perform(get("/api/v1/statistics/annual").param("year", String.valueOf(year))
                .header("Authorization", Tokens.bearer(mvc, "supervisor1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Number> byChannel = JsonPath.read(body, "$.complaintsByChannel");
        long received = jdbc.sql("SELECT count(*) FROM complaint WHERE status <> 'DUPLICATE' AND received_on BETWEEN :f AND :t")
                .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31)).query(Long.class).single();
        assertThat(received).as("the demo city has complaints this year").isPositive();
        assertThat(byChannel).containsKeys("12350 举报电话", "来信").hasSize(cn.zhifa.supervision.ComplaintChannel.values().length);
        assertThat(byChannel.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(received);
        for (String kind : List.of("REVIEW", "LITIGATION")) {
            String field = kind.equals("REVIEW") ? "reconsiderationsByOutcome" : "lawsuitsByOutcome";
            Map<String, Number> byOutcome = JsonPath.read(body, "$." + field);
            long decided = jdbc.sql("SELECT count(*) FROM review_litigation WHERE outcome IS NOT NULL AND decided_on BETWEEN :f AND :t "
                            + "AND (kind = :k OR (:k = 'LITIGATION' AND kind = 'RESPONSE'))").param("k", kind)
                    .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31)).query(Long.class).single();
            assertThat(byOutcome).as(field).containsKeys("维持", "撤销", "变更", "确认违法", "驳回", "撤回");
            assertThat(byOutcome.values().stream().mapToLong(Number::longValue).sum()).as(field).isEqualTo(decided);
        }
        assertThat(JsonPath.<List<String>>read(body, "$.notRecorded"))
                .doesNotContain("投诉举报（按渠道）", "行政复议（按结果）", "行政诉讼（按结果）");
    }

    @Autowired cn.zhifa.hazard.HazardManagement hazards;
    @Autowired cn.zhifa.casework.CaseStatistics cases;
    @Autowired cn.zhifa.reporting.ReportingManagement reporting;
    @Autowired cn.zhifa.registry.OfficerManagement officers;
    @Autowired cn.zhifa.organization.OrganizationManagement organizations;
    @Autowired cn.zhifa.supervision.internal.Complaints complaints;
    @Autowired cn.zhifa.supervision.SupervisionManagement supervision;

    /** The ranking sums each unit's own figures over a subtree: the sums equal what the subtree queries answer. */
    @Test
    void the_per_unit_figures_summed_over_a_subtree_equal_the_subtree_figures() throws Exception {
        MockHttpSession session = login("supervisor1");
        org.springframework.security.core.context.SecurityContextHolder.setContext(
                (org.springframework.security.core.context.SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
        try {
            LocalDate today = LocalDate.now(clock);
            LocalDate from = LocalDate.of(today.getYear(), 1, 1);
            LocalDate to = Rankings.Quarter.of(today).to();
            List<Long> all = organizations.visibleTree().stream().map(cn.zhifa.organization.OrganizationView::id).toList();
            var hazardsPerUnit = hazards.periodFiguresPerUnit(from, to, all);
            var casesPerUnit = cases.periodFiguresPerUnit(from, to, all);
            Map<Long, Long> visitsPerUnit = reporting.visitsPerUnit(from, to, all);
            Map<Long, List<Long>> certifiedPerUnit = officers.certifiedUsersPerUnit(all, today);
            java.util.Set<Long> participating = officers.participating(today.getYear(),
                    certifiedPerUnit.values().stream().flatMap(List::stream).toList());
            assertThat(hazardsPerUnit).isNotEmpty();
            assertThat(casesPerUnit).isNotEmpty();
            assertThat(visitsPerUnit).isNotEmpty();
            assertThat(participating).isNotEmpty();
            var complaintsOfYear = complaints.counted(all, today.getYear());
            assertThat(complaintsOfYear).isNotEmpty();
            Map<Long, Long> overduePerUnit = supervision.overduePerUnit();
            Map<Long, cn.zhifa.supervision.UnitFigures> dashboard = supervision.overview(today.getYear()).units().stream()
                    .collect(Collectors.toMap(cn.zhifa.supervision.UnitFigures::organizationId, u -> u));
            assertThat(overduePerUnit.keySet()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(overduePerUnit.values().stream().mapToLong(Long::longValue).sum()).as("the demo city has overdue work").isPositive();
            for (long unit : all) {
                List<Long> subtree = organizations.subtreeIds(unit);
                long overdueInRegister = hazards.search(new cn.zhifa.hazard.HazardQuery("overdue", unit, null, null, 0, 1)).total();
                assertThat(dashboard.get(unit).hazardsOverdue()).as("dashboard's overdue hazards " + unit).isEqualTo(overdueInRegister);
                assertThat(overduePerUnit.get(unit)).as("the ranking's 逾期 of " + unit + ": the register's overdue hazards and the overdue cases")
                        .isEqualTo(overdueInRegister + dashboard.get(unit).casesOverdue());
                var h = hazards.periodFigures(from, to, subtree);
                assertThat(subtree.stream().mapToLong(id -> hazardsPerUnit.containsKey(id) ? hazardsPerUnit.get(id).found() : 0).sum())
                        .as("hazards found " + unit).isEqualTo(h.found());
                assertThat(subtree.stream().mapToLong(id -> hazardsPerUnit.containsKey(id) ? hazardsPerUnit.get(id).closed() : 0).sum())
                        .as("hazards closed " + unit).isEqualTo(h.closed());
                var c = cases.periodFigures(from, to, subtree);
                assertThat(subtree.stream().mapToLong(id -> casesPerUnit.containsKey(id)
                        ? casesPerUnit.get(id).filedEnforcement() + casesPerUnit.get(id).filedAccident() : 0).sum())
                        .as("cases filed " + unit).isEqualTo(c.filedEnforcement() + c.filedAccident());
                assertThat(subtree.stream().mapToLong(id -> casesPerUnit.containsKey(id)
                        ? casesPerUnit.get(id).decidedEnforcement() + casesPerUnit.get(id).decidedAccident() : 0).sum())
                        .as("cases decided " + unit).isEqualTo(c.decidedEnforcement() + c.decidedAccident());
                long visits = reporting.periodReport(new cn.zhifa.reporting.PeriodReport.Period(from, to, "", ""), unit).total().visits();
                assertThat(subtree.stream().mapToLong(id -> visitsPerUnit.getOrDefault(id, 0L)).sum()).as("visits " + unit).isEqualTo(visits);
                assertThat(subtree.stream().mapToLong(id -> certifiedPerUnit.getOrDefault(id, List.of()).size()).sum())
                        .as("certified " + unit).isEqualTo(officers.certifiedOfficers(subtree, today).size());
                java.util.Set<Long> users = new java.util.HashSet<>();
                subtree.forEach(id -> users.addAll(certifiedPerUnit.getOrDefault(id, List.of())));
                var statistics = officers.statistics(today.getYear(), today, subtree);
                assertThat(users.stream().filter(participating::contains).count()).as("participating " + unit)
                        .isEqualTo(statistics.participating());
                java.util.Set<Long> units = new java.util.HashSet<>(subtree);
                var counted = complaintsOfYear.stream().filter(x -> x.in(units)).toList();
                var channels = complaints.statistics(subtree, today.getYear());
                assertThat(counted.stream().filter(cn.zhifa.supervision.internal.Complaints.Counted::closed).count()).as("complaints closed " + unit)
                        .isEqualTo(channels.stream().mapToLong(cn.zhifa.supervision.ChannelStatistics::closed).sum());
                assertThat(counted.stream().filter(cn.zhifa.supervision.internal.Complaints.Counted::closedOnTime).count())
                        .as("complaints closed on time " + unit)
                        .isEqualTo(channels.stream().mapToLong(cn.zhifa.supervision.ChannelStatistics::closedOnTime).sum());
            }
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
    }
}
