package cn.zhifa.planning.internal;

import cn.zhifa.organization.DataScope;
import cn.zhifa.organization.OrganizationKind;
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
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Planning's part of the demo city: firms of 东城 and 西城 with grading features (until the registry supplies them),
 * the 2026 分类分级 rule table of the 东城 brigade, the 抽查事项 list, the 2026 grading, and one executed draw
 * (2026-10) so the public page has an entry. Deterministic (seed 2026); a second start adds nothing.
 */
@Component
class PlanningDemoData implements DemoDataLoader {

    static final long FIRST_ID = 9_000_001L;
    private static final String[] WORDS = {"华信", "宏达", "恒通", "鑫源", "长城", "金桥", "瑞丰", "海川", "德胜", "兴业",
            "安泰", "富康", "永盛", "利民", "新锐", "东方", "广源", "天成", "联合", "精工"};

    private final Enterprises enterprises;
    private final GradingManagement grading;
    private final DrawManagement draws;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final DataScope scope;
    private final JdbcClient jdbc;

    PlanningDemoData(Enterprises enterprises, GradingManagement grading, DrawManagement draws, UserManagement users,
                     OrganizationManagement organizations, DataScope scope, JdbcClient jdbc) {
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
        if (enterprises.find(FIRST_ID).isPresent()) {
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
            long next = FIRST_ID;
            next = firms(random, next, east, towns(east), 120);
            firms(random, next, west, towns(west), 60);
            long city = root(east);
            checkItems(city);
            rules(east, 2026);
            grading.gradeAll(east, 2026);
            SecurityContextHolder.getContext().setAuthentication(authenticated(westOfficer));
            rules(west, 2026);
            grading.gradeAll(west, 2026);
            SecurityContextHolder.getContext().setAuthentication(authenticated(leader));
            draws.execute(draws.prepare(new DrawRequest(east, DrawMode.OWN, null, "AQ-01", "2026-10", "", null, null, "",
                    true, null, 6, 2, "", 0)).getId());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private long firms(Random random, long next, long organizationId, List<OrganizationView> towns, int count) {
        for (int i = 0; i < count; i++) {
            OrganizationView town = towns.get(random.nextInt(towns.size()));
            double roll = random.nextDouble();
            String industry;
            Set<String> features = new LinkedHashSet<>();
            Integer hazard = null;
            if (roll < 0.08) {
                industry = "危险化学品";
                features.add("危险化学品");
                if (random.nextInt(3) == 0) {
                    hazard = 1 + random.nextInt(4);
                    features.add("重大危险源");
                }
            } else if (roll < 0.68) {
                industry = "工贸";
            } else if (roll < 0.83) {
                industry = "劳动密集型";
                features.add("劳动密集型");
            } else {
                industry = "工贸";
            }
            if (random.nextDouble() < 0.10) {
                features.add("有限空间");
            }
            if (random.nextDouble() < 0.05) {
                features.add("粉尘涉爆");
            }
            if (random.nextDouble() < 0.08) {
                features.add("喷涂作业");
            }
            String suffix = switch (industry) {
                case "危险化学品" -> "化工";
                case "劳动密集型" -> "服装";
                default -> random.nextBoolean() ? "机械制造" : "金属制品";
            };
            String name = town.name().substring(0, 2) + WORDS[random.nextInt(WORDS.length)] + suffix + "有限公司" + (i + 1) + "号厂";
            enterprises.save(new EnterpriseFeatures(next++, name, organizationId, town.id(), town.name(), industry, features,
                    hazard, null, random.nextDouble() < 0.05 ? 1 : 0, random.nextDouble() < 0.12 ? 1 : 0,
                    random.nextDouble() < 0.10), true);
        }
        return next;
    }

    private List<OrganizationView> towns(long brigade) {
        long bureau = organizations.find(brigade).map(OrganizationView::parentId).orElseThrow();
        List<OrganizationView> towns = new ArrayList<>();
        for (long id : scope.subtreeIds(bureau)) {
            organizations.find(id).filter(o -> o.kind() == OrganizationKind.TOWNSHIP).ifPresent(towns::add);
        }
        towns.sort(java.util.Comparator.comparingInt(OrganizationView::sortOrder));
        return towns;
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
        rule(org, year, 40, "危险化学品、粉尘涉爆（非白名单）", "危险化学品,粉尘涉爆", null, "", null, false, Grade.B, 2, EnforcementLevel.DISTRICT);
        rule(org, year, 50, "信用等级较差", "", null, "较差,严重失信", null, null, Grade.B, 2, EnforcementLevel.DISTRICT);
        rule(org, year, 55, "近三年受过行政处罚", "", null, "", null, null, Grade.B, 2, EnforcementLevel.DISTRICT, 1);
        rule(org, year, 60, "安全生产白名单企业", "", null, "", null, true, Grade.D, 1, EnforcementLevel.TOWNSHIP);
        rule(org, year, 70, "有限空间、劳动密集型、喷涂作业", "有限空间,劳动密集型,喷涂作业", null, "", null, null, Grade.C, 1, EnforcementLevel.TOWNSHIP);
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
        List<Long> orgs = jdbc.sql("SELECT DISTINCT organization_id FROM planning_enterprise WHERE demo")
                .query(Long.class).list();
        if (orgs.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM planning_draw WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_plan WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_grading_rule WHERE organization_id IN (:orgs)").param("orgs", orgs).update();
        jdbc.sql("DELETE FROM planning_recusal WHERE enterprise_id IN (SELECT enterprise_id FROM planning_enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM planning_extra_inspection WHERE enterprise_id IN (SELECT enterprise_id FROM planning_enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM planning_visit WHERE enterprise_id IN (SELECT enterprise_id FROM planning_enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM planning_grading WHERE enterprise_id IN (SELECT enterprise_id FROM planning_enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM planning_check_item").update();
        jdbc.sql("DELETE FROM planning_enterprise WHERE demo").update();
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
