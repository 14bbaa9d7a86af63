package cn.zhifa.planning.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.planning.DrawManagement;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.DrawRequest;
import cn.zhifa.planning.EnforcementLevel;
import cn.zhifa.planning.EnterpriseFeatures;
import cn.zhifa.planning.Grade;
import cn.zhifa.planning.GradingManagement;
import cn.zhifa.planning.GradingRuleForm;
import cn.zhifa.planning.PlanManagement;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Planning's part of the demo city: credit grades, accidents and cases for some of the registry's 东城 and 西城 firms,
 * the 2026 分类分级 rule table of the 东城 brigade, the 抽查事项 list, the 2026 grading, the brigade's published 2026
 * annual plan, and one executed draw (2026-10) so the public page has an entry (its tasks are created late, 逾期补做,
 * when the demo starts after October). Deterministic (seed 2026); a second start adds nothing.
 */
@Component
class PlanningDemoData implements DemoDataLoader {

    private final EnterpriseFeatureSource enterprises;
    private final GradingManagement grading;
    private final DrawManagement draws;
    private final PlanManagement plans;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final JdbcClient jdbc;

    PlanningDemoData(EnterpriseFeatureSource enterprises, GradingManagement grading, DrawManagement draws, UserManagement users,
                     OrganizationManagement organizations, DataScope scope, JdbcClient jdbc, PlanManagement plans) {
        this.plans = plans;
        this.enterprises = enterprises;
        this.grading = grading;
        this.draws = draws;
        this.users = users;
        this.organizations = organizations;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM planning_check_item").query(Long.class).single() > 0) {
            return;
        }
        UserView leader = users.findByUsername("leader1").orElse(null);
        UserView westOfficer = users.findByUsername("zf001").orElse(null);
        if (leader == null || westOfficer == null) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(authenticated(leader));
        try {
            Random random = new Random(2026);
            long east = leader.organizationId();
            long west = westOfficer.organizationId();
            records(random, east);
            records(random, west);
            long city = root(east);
            checkItems(city);
            rules(east, 2026);
            grading.gradeAll(east, 2026);
            SecurityContextHolder.getContext().setAuthentication(authenticated(westOfficer));
            rules(west, 2026);
            grading.gradeAll(west, 2026);
            SecurityContextHolder.getContext().setAuthentication(authenticated(leader));
            annualPlan(east, 2026);
            draws.execute(draws.prepare(new DrawRequest(east, DrawMode.OWN, null, "AQ-01", "2026-10", "", null, null, "",
                    true, null, 6, 2, "", 0)).getId());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /**
     * The brigade's 2026 plan behind the demo's 年度计划 tasks: generated from the grading, deliberated at the January
     * 局务会, approved by the leader, filed with the city bureau and published (dated as a bureau would have done it).
     */
    private void annualPlan(long organizationId, int year) {
        long id = plans.generate(organizationId, year).getId();
        campaign(id, organizationId);
        plans.deliberate(id, LocalDate.of(year, 1, 8), "局务会议集体审议" + year + "年度安全生产监督检查计划：重点检查企业名单、"
                + "双随机抽查比例和专项执法安排，与会人员一致同意，报分管领导批准。");
        plans.approve(id);
        plans.file(id, "示例市应急管理局");
        plans.publish(id);
        jdbc.sql("""
                        UPDATE planning_plan SET created_at = :created, approved_at = :approved, filed_at = :filed,
                          published_at = :published WHERE id = :id""")
                .param("created", at(LocalDate.of(year, 1, 5))).param("approved", at(LocalDate.of(year, 1, 10)))
                .param("filed", at(LocalDate.of(year, 1, 15))).param("published", at(LocalDate.of(year, 1, 20)))
                .param("id", id).update();
    }

    /** The demo's 专项: the first of a few narrow risk features that some firm of the unit has (few targets). */
    private void campaign(long planId, long organizationId) {
        List<EnterpriseFeatures> firms = enterprises.inOrganizations(scope.subtreeIds(organizationId));
        for (String feature : List.of("涉氨制冷", "粉尘涉爆", "有限空间")) {
            if (firms.stream().anyMatch(f -> f.riskFeatures().contains(feature))) {
                plans.addCampaign(planId, cn.zhifa.planning.CampaignKind.CUSTOM, feature + "企业专项执法",
                        "市应急管理局" + feature + "企业专项执法工作方案", feature);
                return;
            }
        }
    }

    private static java.sql.Timestamp at(LocalDate day) {
        return java.sql.Timestamp.from(day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    /**
     * Draws what the retired demo credit records used to draw, so the rest of the demo's random sequence (claims,
     * draws) stays as it was. Credit grade, accidents and cases now come from the credit module's facts.
     */
    private void records(Random random, long organizationId) {
        for (EnterpriseFeatures ignored : enterprises.inOrganizations(List.of(organizationId))) {
            random.nextInt(25);
            if (random.nextInt(8) == 0) {
                random.nextInt(2);
            }
            random.nextInt(30);
        }
    }

    private long root(long id) {
        OrganizationView org = organizations.find(id).orElseThrow();
        return org.parentId() == null ? id : root(org.parentId());
    }

    private void checkItems(long city) {
        String[][] items = {
                {"AQ-01", "安全生产主体责任落实情况", "《中华人民共和国安全生产法》第四条、第二十一条、第二十五条"},
                {"AQ-02", "危险化学品安全管理情况", "《危险化学品安全管理条例》第六条、第二十条"},
                {"AQ-03", "有限空间作业安全情况", "《工贸企业有限空间作业安全规定》（应急管理部令第13号）"},
                {"AQ-04", "粉尘防爆安全情况", "《工贸企业粉尘防爆安全规定》（应急管理部令第6号）"},
                {"AQ-05", "劳动密集型企业消防及疏散通道（生命通道）情况", "《中华人民共和国安全生产法》第四十二条"}};
        for (String[] item : items) {
            jdbc.sql("INSERT INTO planning_check_item (organization_id, code, name, legal_basis) VALUES (?, ?, ?, ?)")
                    .params(city, item[0], item[1], item[2]).update();
        }
    }

    private void rules(long org, int year) {
        rule(org, year, 10, "一、二级重大危险源", "", 2, "", null, null, Grade.A, 4, EnforcementLevel.CITY);
        rule(org, year, 20, "三、四级重大危险源", "", 4, "", null, null, Grade.A, 3, EnforcementLevel.DISTRICT);
        rule(org, year, 30, "近三年发生生产安全事故", "", null, "", 1, null, Grade.A, 3, EnforcementLevel.DISTRICT);
        rule(org, year, 40, "危险化学品、粉尘涉爆、涉氨制冷（非白名单）", "危险化学品,粉尘涉爆,涉氨制冷", null, "", null, false, Grade.B, 2, EnforcementLevel.DISTRICT);
        rule(org, year, 50, "信用等级较差", "", null, "较差,严重失信", null, null, Grade.B, 2, EnforcementLevel.DISTRICT);
        rule(org, year, 55, "近三年受过行政处罚", "", null, "", null, null, Grade.B, 2, EnforcementLevel.DISTRICT, 1);
        rule(org, year, 60, "安全生产白名单企业", "", null, "", null, true, Grade.D, 1, EnforcementLevel.TOWNSHIP);
        rule(org, year, 70, "有限空间、劳动密集型、喷涂/RTO设施、金属冶炼", "有限空间,劳动密集型,喷涂/RTO设施,金属冶炼,高温熔融", null, "", null, null, Grade.C, 1, EnforcementLevel.TOWNSHIP);
        rule(org, year, 99, "其他企业", "", null, "", null, null, Grade.D, 1, EnforcementLevel.TOWNSHIP);
    }

    private void rule(long org, int year, int priority, String name, String risk, Integer hazard, String credit,
                      Integer accidents, Boolean whitelisted, Grade grade, int frequency, EnforcementLevel level) {
        rule(org, year, priority, name, risk, hazard, credit, accidents, whitelisted, grade, frequency, level, null);
    }

    private void rule(long org, int year, int priority, String name, String risk, Integer hazard, String credit,
                      Integer accidents, Boolean whitelisted, Grade grade, int frequency, EnforcementLevel level, Integer cases) {
        grading.addRule(org, year, new GradingRuleForm(priority, name, risk, hazard, credit, accidents, cases, whitelisted,
                grade, frequency, level));
    }

    @Override
    @Transactional
    public void purge() {
        List<Long> orgs = jdbc.sql("SELECT DISTINCT organization_id FROM planning_grading_rule").query(Long.class).list();
        if (orgs.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM planning_draw WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_plan WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_grading_rule WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_recusal WHERE enterprise_id IN (SELECT enterprise_id FROM planning_grading WHERE organization_id IN (:orgs))").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_extra_inspection WHERE enterprise_id IN (SELECT enterprise_id FROM planning_grading WHERE organization_id IN (:orgs))").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_visit WHERE enterprise_id IN (SELECT enterprise_id FROM planning_grading WHERE organization_id IN (:orgs))").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_grading WHERE enterprise_id IN (SELECT enterprise_id FROM planning_grading WHERE organization_id IN (:orgs))").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_check_item").update();
        jdbc.sql("DELETE FROM planning_enterprise_record WHERE demo").update();
    }

    private static UsernamePasswordAuthenticationToken authenticated(UserView user) {
        Actor actor = new DemoActor(user.id(), user.username(), user.displayName(), user.organizationId(), user.roles());
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of());
    }

    /** The demo loader acts as leader1 (grading and the sample draw are scoped operations). */
    private record DemoActor(long userId, String username, String displayName, long organizationId, Set<Role> roles)
            implements Actor {
    }
}
