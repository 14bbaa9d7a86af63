package cn.zhifa.credit;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseEvent;
import cn.zhifa.credit.internal.CreditFact;
import cn.zhifa.credit.internal.CreditFacts;
import cn.zhifa.credit.internal.ListingDesk;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.planning.internal.EnterpriseFeatureSource;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Credit facts arrive from casework's events; a second 较大事故 within 12 months proposes a listing; the leader tells
 * the party, waits for the statement, decides (列入决定书 issued), the firm appears on the public list and planning
 * grades it 严重失信; early removal is refused while the fine is unpaid; the term's end removes it and stops publication.
 */
@ZhifaIntegrationTest
class CreditListingJourneyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired CreditFacts facts;
    @Autowired CreditManagement credit;
    @Autowired ListingDesk desk;
    @Autowired EnterpriseFeatureSource planning;
    @Autowired UserManagement users;
    @Autowired OrganizationManagement organizations;

    MockHttpSession leader;
    List<long[]> firms;

    @BeforeEach
    void setUp() throws Exception {
        leader = (MockHttpSession) mvc.perform(formLogin().user("leader1").password(Tokens.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession();
        long org = users.findByUsername("leader1").orElseThrow().organizationId();
        firms = jdbc.sql("""
                SELECT id FROM enterprise WHERE organization_id = ANY(?) AND uscc IS NOT NULL
                  AND id NOT IN (SELECT enterprise_id FROM credit_listing) AND id NOT IN (SELECT enterprise_id FROM credit_fact)
                ORDER BY id DESC LIMIT 2""")
                .param(organizations.subtreeIds(org).toArray(Long[]::new)).query((rs, i) -> new long[]{rs.getLong(1)}).list();
        assertThat(firms).hasSize(2);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String page(String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).session(leader)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    MockHttpServletResponse act(long id, String action, Map<String, String> params) throws Exception {
        var request = post("/credit/listings/" + id + "/" + action).session(leader).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM credit_listing WHERE id = ?").param(id)
                        .query(Integer.class).single()));
        params.forEach(request::param);
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM credit_listing WHERE id = ?").param(id).query(String.class).single();
    }

    String publicList(String q) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/public/credit/serious-list").param("q", q)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void a_decided_accident_case_becomes_facts_proposes_a_listing_and_the_listing_runs_to_its_end() throws Exception {
        long firm = firms.get(0)[0];
        // a decided accident case whose fine is not paid (the accident module's demo also proposes undecided ones)
        long accidentCase = jdbc.sql("SELECT id FROM penalty_case WHERE kind = 'ACCIDENT' AND fine_yuan > paid_yuan ORDER BY id LIMIT 1")
                .query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        facts.record(new CreditFact(firm, CreditFact.Kind.ACCIDENT, "test:earlier-accident:" + firm, today.minusMonths(5), null,
                "LARGER", "较大事故（此前）"), false);
        long unit = jdbc.sql("SELECT organization_id FROM penalty_case WHERE id = ?").param(accidentCase).query(Long.class).single();
        // everything credit needs travels on the event (no read of the case): kind, grade, title, unit
        CaseEvent.PenaltyDecided decided = new CaseEvent.PenaltyDecided(accidentCase, firm, "（东城）应急罚〔2026〕877号",
                new BigDecimal("1500000.00"), today, unit, "东应急立〔2026〕877号", cn.zhifa.casework.CaseKind.ACCIDENT,
                cn.zhifa.law.AccidentGrade.LARGER, "仓库坍塌较大事故");

        tx.executeWithoutResult(s -> events.publishEvent(decided));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM credit_listing WHERE case_id = ? AND enterprise_id = ?").params(accidentCase, firm)
                .query(Long.class).single() == 1);
        tx.executeWithoutResult(s -> events.publishEvent(decided));

        // the facts, once each, and the grade they give
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%credit%'").query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT kind FROM credit_fact WHERE enterprise_id = ? AND source_ref = ? ORDER BY kind")
                .params(firm, "case:" + accidentCase).query(String.class).list()).containsExactly("ACCIDENT", "PENALTY");
        CreditStanding standing = credit.standing(firm);
        assertThat(standing.grade()).isEqualTo("较差");
        assertThat(standing.recentAccidents()).isEqualTo(2);
        assertThat(standing.reasons()).anySatisfy(r -> assertThat(r).contains("较大事故（（东城）应急罚〔2026〕877号）"));
        assertThat(standing.recentPenalties()).isEqualTo(1);
        assertThat(standing.recentFinesYuan()).isEqualByComparingTo("1500000");
        assertThat(jdbc.sql("SELECT title FROM credit_fact WHERE kind = 'PENALTY' AND source_ref = ?").param("case:" + accidentCase)
                .query(String.class).single()).isEqualTo("（东城）应急罚〔2026〕877号，罚款 1500000.00 元（仓库坍塌较大事故）");
        assertThat(page("/registry/enterprises/" + firm)).contains("信用等级：较差").contains("应急罚〔2026〕877号");

        long id = jdbc.sql("SELECT id FROM credit_listing WHERE case_id = ? AND enterprise_id = ?").params(accidentCase, firm)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT ground_code FROM credit_listing WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("6-2");
        assertThat(page("/credit/listings")).contains("拟列入（待告知）");

        // no decision before the party was told
        assertThat(act(id, "decide", Map.of()).getStatus()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("PROPOSED");

        assertThat(act(id, "notify", Map.of()).getStatus()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("NOTIFIED");
        LocalDate due = jdbc.sql("SELECT statement_due FROM credit_listing WHERE id = ?").param(id).query(LocalDate.class).single();
        assertThat(due).isAfter(today.plusDays(4));

        MockHttpServletResponse early = act(id, "decide", Map.of());
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString()).contains("陈述申辩期至 " + due);
        assertThat(act(id, "statement", Map.of("statement", "  ")).getStatus()).isEqualTo(422);

        assertThat(act(id, "statement", Map.of("statement", "事故已赔偿，请求不予列入。")).getStatus()).isEqualTo(302);
        assertThat(act(id, "decide", Map.of("adoption", "理由不属于法定不予列入情形，不予采纳。")).getStatus()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("LISTED");
        String number = jdbc.sql("SELECT decision_number FROM credit_listing WHERE id = ?").param(id).query(String.class).single();
        assertThat(number).contains("应急失信〔" + today.getYear() + "〕");
        assertThat(jdbc.sql("SELECT count(*) FROM doc_issued WHERE number_text = ? AND kind = 'CREDIT_LISTING_DECISION'")
                .param(number).query(Long.class).single()).isEqualTo(1);
        LocalDate expires0 = jdbc.sql("SELECT expires_on FROM credit_listing WHERE id = ?").param(id).query(LocalDate.class).single();
        assertThat(expires0).isEqualTo(today.plusMonths(36));
        LocalDate expires = expires0;

        // published, graded 严重失信 for planning
        String name = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE id = ?").param(id).query(String.class).single();
        String list = publicList(name);
        assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(list, "$.items[0].name")).isEqualTo(name);
        assertThat((String) JsonPath.read(list, "$.items[0].grounds")).contains("第六条第（二）项");
        assertThat((String) JsonPath.read(list, "$.items[0].listedOn")).isEqualTo(today.toString());
        assertThat((String) JsonPath.read(list, "$.items[0].expiresOn")).isEqualTo(expires0.toString());
        assertThat((String) JsonPath.read(list, "$.items[0].authority")).isNotBlank();
        assertThat((String) JsonPath.read(list, "$.items[0].uscc")).hasSize(18);
        assertThat(planning.find(firm).orElseThrow().creditGrade()).isEqualTo("严重失信");

        // the month's report carries the listing
        MockHttpServletResponse xlsx = mvc.perform(get("/credit/listings/report").param("month", YearMonth.from(today).toString())
                .session(leader)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(rows(xlsx.getContentAsByteArray())).anySatisfy(r -> assertThat(r).contains("列入").contains(name).contains(number));

        // early removal: not before 12 months, and not while the case's fine is unpaid
        assertThat(act(id, "repair", Map.of("confirmed", "HARM_ELIMINATED", "reason", "已整改")).getStatus()).isEqualTo(422);
        clock.advance(Duration.ofDays(400));
        MockHttpServletResponse unpaid = act(id, "repair", Map.of("confirmed", "HARM_ELIMINATED", "reason", "已整改"));
        assertThat(unpaid.getStatus()).isEqualTo(422);
        assertThat(unpaid.getContentAsString()).contains("罚款尚未缴清");
        assertThat(status(id)).isEqualTo("LISTED");

        // the end of the term removes it and stops publication within 3 working days
        // (the term is shortened in the table rather than moving the clock three years: other listings, such as the
        // demo's, share this database and must not expire with it)
        clock.reset();
        LocalDate end = LocalDate.now(clock);
        jdbc.sql("UPDATE credit_listing SET expires_on = ? WHERE id = ?").params(end, id).update();
        expires = end;
        assertThat(desk.removeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("REMOVED");
        Map<String, Object> removed = jdbc.sql("SELECT removal_kind, removed_on, publication_stopped_on, publication_stop_due FROM credit_listing WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(removed.get("removal_kind")).isEqualTo("EXPIRED");
        LocalDate stopped = ((java.sql.Date) removed.get("publication_stopped_on")).toLocalDate();
        LocalDate stopDue = ((java.sql.Date) removed.get("publication_stop_due")).toLocalDate();
        assertThat(stopped).isEqualTo(expires);
        assertThat(stopDue).isAfterOrEqualTo(expires.plusDays(3));
        assertThat((Integer) JsonPath.read(publicList(name), "$.total")).isZero();
    }

    @Test
    void a_leader_proposes_on_another_ground_and_removes_early_after_credit_repair() throws Exception {
        long firm = firms.get(1)[0];
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = ?").param(firm).query(String.class).single();
        MockHttpServletResponse proposed = mvc.perform(post("/credit/listings").session(leader).with(csrf()).param("uscc", uscc)
                .param("ground", "7-1").param("caseReference", "（东城）应急罚〔2026〕878号（无证经营危险化学品）")).andReturn().getResponse();
        assertThat(proposed.getStatus()).isEqualTo(302);
        long id = Long.parseLong(proposed.getRedirectedUrl().replaceAll("\\D+", ""));
        assertThat(mvc.perform(post("/credit/listings").session(leader).with(csrf()).param("uscc", "91350100M000100Y44")
                .param("ground", "7-1").param("caseReference", "x")).andReturn().getResponse().getStatus()).isEqualTo(422);

        act(id, "notify", Map.of());
        act(id, "statement", Map.of("statement", "放弃陈述申辩"));
        act(id, "decide", Map.of());
        assertThat(status(id)).isEqualTo("LISTED");
        String name = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE id = ?").param(id).query(String.class).single();
        assertThat((Integer) JsonPath.read(publicList(uscc), "$.total")).isEqualTo(1);

        clock.advance(Duration.ofDays(370));
        assertThat(page("/credit/listings/" + id)).contains("信用修复").contains("未再发生本办法第六条、第七条规定的情形");
        MockHttpServletResponse missing = act(id, "repair", Map.of("confirmed", "HARM_ELIMINATED", "reason", "已整改"));
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(missing.getContentAsString()).contains("已经履行行政处罚决定中规定的义务");

        var request = post("/credit/listings/" + id + "/repair").session(leader).with(csrf())
                .param("version", String.valueOf(jdbc.sql("SELECT version FROM credit_listing WHERE id = ?").param(id).query(Integer.class).single()))
                .param("confirmed", "FINE_PAID").param("confirmed", "HARM_ELIMINATED").param("reason", "罚款已缴清，整改验收合格，作出信用承诺");
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("REMOVED");
        assertThat(jdbc.sql("SELECT removal_kind FROM credit_listing WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("REPAIRED");
        assertThat((Integer) JsonPath.read(publicList(uscc), "$.total")).isZero();
        assertThat(page("/credit/listings/" + id)).contains("信用修复提前移出").contains(name);
    }

    @Test
    void the_demo_has_one_firm_on_the_list_and_one_removed_after_repair() throws Exception {
        assertThat(jdbc.sql("SELECT status || '/' || COALESCE(removal_kind, '') FROM credit_listing WHERE demo ORDER BY id")
                .query(String.class).list()).containsExactly("LISTED/", "REMOVED/REPAIRED");
        String listedName = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE demo AND status = 'LISTED'").query(String.class).single();
        String removedName = jdbc.sql("SELECT enterprise_name FROM credit_listing WHERE demo AND status = 'REMOVED'").query(String.class).single();
        assertThat((Integer) JsonPath.read(publicList(listedName), "$.total")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(publicList(removedName), "$.total")).isZero();
        long listedFirm = jdbc.sql("SELECT enterprise_id FROM credit_listing WHERE demo AND status = 'LISTED'").query(Long.class).single();
        assertThat(credit.standing(listedFirm).grade()).isEqualTo("严重失信");
        MockHttpServletResponse page = mvc.perform(get("/public/credit")).andReturn().getResponse();
        page.setCharacterEncoding("UTF-8");
        assertThat(page.getContentAsString()).contains(listedName).doesNotContain(removedName);
    }

    static List<String> rows(byte[] xlsx) throws Exception {
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                StringBuilder line = new StringBuilder();
                row.forEach(c -> line.append(c.getStringCellValue()).append('|'));
                rows.add(line.toString());
            }
        }
        return rows;
    }

    @Test
    void a_major_hazard_counts_from_the_day_it_was_found_and_planning_keeps_no_demo_credit_rows() {
        long firm = firms.get(0)[0];
        long org = users.findByUsername("leader1").orElseThrow().organizationId();
        LocalDate found = LocalDate.of(2026, 3, 2);
        tx.executeWithoutResult(s -> {
            events.publishEvent(new cn.zhifa.hazard.HazardFound(9_700_001L, org, firm, "测试企业",
                    cn.zhifa.hazard.HazardLevel.MAJOR, "液氨储罐区未设置泄漏报警装置", found));
            events.publishEvent(new cn.zhifa.hazard.HazardFound(9_700_002L, org, firm, "测试企业",
                    cn.zhifa.hazard.HazardLevel.GENERAL, "灭火器过期", found));
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM credit_fact WHERE enterprise_id = ? AND kind = 'MAJOR_HAZARD'").param(firm).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT occurred_on FROM credit_fact WHERE enterprise_id = ? AND kind = 'MAJOR_HAZARD'").param(firm)
                .query(LocalDate.class).single()).isEqualTo(found);
        assertThat(jdbc.sql("SELECT count(*) FROM credit_fact WHERE source_ref = 'hazard:9700002'").query(Long.class).single()).isZero();
        jdbc.sql("DELETE FROM credit_fact WHERE enterprise_id = ?").param(firm).update();

        assertThat(jdbc.sql("SELECT count(*) FROM planning_enterprise_record").query(Long.class).single())
                .as("credit grade, accidents and cases come from credit facts, not demo rows").isZero();
    }
}
