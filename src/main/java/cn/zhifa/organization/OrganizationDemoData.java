package cn.zhifa.organization;

import cn.zhifa.organization.internal.Organizations;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.shared.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city: 示例市应急管理局 with its detachment and departments, three districts each with a
 * bureau, an enforcement brigade and 4–6 townships, about 40 officers, and one demo user per role.
 * Deterministic (fixed seed); a second start finds the root and adds nothing.
 */
@Component
class OrganizationDemoData implements DemoDataLoader {

    static final String ROOT_NAME = "示例市应急管理局";
    static final String PASSWORD = "Zhifa@2026";
    private static final String[][] DISTRICTS = {
            {"示例市东城区应急管理局", "东城", "139902", "东华街道,朝阳街道,建设街道,新村街道,龙湖镇"},
            {"示例市西城区应急管理局", "西城", "139903", "西关街道,和平街道,解放街道,兴业街道,柳河镇,石桥镇"},
            {"示例市高新区应急管理局", "高新", "139904", "科技园街道,创业街道,望海街道,临港镇"},
    };
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌鹏宇浩凯晨辉海波宁";

    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final Organizations repository;
    private final JdbcClient jdbc;

    OrganizationDemoData(OrganizationManagement organizations, UserManagement users, Organizations repository, JdbcClient jdbc) {
        this.organizations = organizations;
        this.users = users;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    @Transactional
    public void load() {
        if (repository.findRootByName(ROOT_NAME).isPresent()) {
            townshipUser();
            return;
        }
        Random random = new Random(2026);
        OrganizationView city = org(null, ROOT_NAME, "示例", OrganizationKind.CITY, "139900", 0);
        OrganizationView detachment = org(city.id(), "示例市应急管理综合行政执法支队", "示例", OrganizationKind.DETACHMENT, "139900", 1);
        OrganizationView legalDept = org(city.id(), "政策法规科", null, OrganizationKind.DEPARTMENT, null, 2);
        org(city.id(), "安全生产基础科", null, OrganizationKind.DEPARTMENT, null, 3);
        List<OrganizationView> brigades = new ArrayList<>();
        int sort = 10;
        List<OrganizationView> bureaus = new ArrayList<>();
        for (String[] district : DISTRICTS) {
            OrganizationView bureau = org(city.id(), district[0], district[1], OrganizationKind.DISTRICT, district[2], sort++);
            bureaus.add(bureau);
            brigades.add(org(bureau.id(), district[1] + "区应急管理综合行政执法大队", district[1], OrganizationKind.DETACHMENT, district[2], 0));
            int town = 1;
            for (String township : district[3].split(",")) {
                org(bureau.id(), township, null, OrganizationKind.TOWNSHIP, district[2] + "%03d".formatted(town), town++);
            }
        }
        user("admin", "系统管理员", city.id(), Role.ADMIN);
        user("secadmin", "安全管理员", city.id(), Role.SECURITY_ADMIN);
        user("auditor", "安全审计员", city.id(), Role.AUDITOR);
        user("supervisor1", "监督员" + name(random), city.id(), Role.SUPERVISOR);
        user("legal1", name(random), legalDept.id(), Role.LEGAL);
        user("leader1", name(random), brigades.get(0).id(), Role.LEADER, Role.OFFICER);
        user("officer1", name(random), brigades.get(0).id(), Role.OFFICER);
        user("officer2", name(random), brigades.get(0).id(), Role.OFFICER);
        user("leader2", "区局负责人" + name(new Random(21)), bureaus.get(0).id(), Role.LEADER); // keeps the townships' 赋权委托
        List<OrganizationView> units = new ArrayList<>(brigades);
        units.add(detachment);
        for (int i = 1; i <= 38; i++) {
            OrganizationView unit = units.get(i % units.size());
            user("zf%03d".formatted(i), name(random), unit.id(), Role.OFFICER);
        }
        townshipUser();
    }

    /** township1: LEADER of 东华街道, keeps its 专职安全员 and records their visits (added to older demo cities too). */
    private void townshipUser() {
        if (users.findByUsername("township1").isPresent()) {
            return;
        }
        jdbc.sql("SELECT id FROM organization WHERE name = '东华街道' AND kind = 'TOWNSHIP' AND demo ORDER BY id LIMIT 1")
                .query(Long.class).optional()
                .ifPresent(township -> user("township1", "街道安监办" + name(new Random(23)), township, Role.LEADER));
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM api_token WHERE app_user IN (SELECT id FROM app_user WHERE demo)").update();
        jdbc.sql("DELETE FROM app_user WHERE demo").update();
        List<Organization> demoUnits = repository.findAll().stream().filter(Organization::isDemo)
                .sorted(java.util.Comparator.comparingInt(Organization::depth).reversed()).toList();
        demoUnits.forEach(repository::delete);
    }

    private OrganizationView org(Long parentId, String name, String shortName, OrganizationKind kind, String code, int sort) {
        return organizations.create(new OrganizationForm(parentId, name, shortName, kind, code, sort), true);
    }

    private void user(String username, String displayName, long organizationId, Role... roles) {
        String phone = "139" + "%08d".formatted(Math.abs(username.hashCode()) % 100_000_000);
        users.create(new UserForm(username, displayName, organizationId, phone, Set.of(roles), PASSWORD), true);
    }

    private static String name(Random random) {
        String given = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextBoolean()) {
            given += GIVEN.charAt(random.nextInt(GIVEN.length()));
        }
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given;
    }
}
