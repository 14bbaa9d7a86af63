package cn.zhifa.emergency.internal;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency part of the demo city, on the brigade of officer1 and leader1 (东城): 总体/专项/部门/企业 plans (one
 * evaluation overdue, one due soon), this year's drills, professional, social and enterprise rescue teams, materials,
 * 灾害信息员 of the townships, and 安责险 policies of the high-risk firms (most covered, one ending within 30 days, one
 * lapsed, some never insured).
 */
@Component
class EmergencyDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final EmergencyRegisters registers;
    private final EmergencyRules rules;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final Clock clock;

    EmergencyDemoData(JdbcClient jdbc, EmergencyRegisters registers, EmergencyRules rules, UserManagement users,
                      OrganizationManagement organizations, EnterpriseManagement enterprises, Clock clock) {
        this.jdbc = jdbc;
        this.registers = registers;
        this.rules = rules;
        this.users = users;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 96;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM emergency_plan WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView officer = users.findByUsername("officer1").orElse(null);
        if (officer == null) {
            return;
        }
        long brigade = officer.organizationId();
        List<Long> towns = organizations.subtreeIds(brigade).stream().filter(id -> id != brigade).sorted().toList();
        long town1 = towns.isEmpty() ? brigade : towns.get(0);
        long town2 = towns.size() < 2 ? brigade : towns.get(1);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();

        long overall = plan(brigade, "东城区突发事件总体应急预案", "总体", "综合", "区应急管理局", today.minusYears(2).withDayOfYear(60),
                "东城区人民政府", today.minusYears(2).withDayOfYear(60), today.minusYears(1).withDayOfYear(120));
        long chemicals = plan(brigade, "东城区危险化学品事故应急预案", "专项", "生产安全事故", "区应急管理局", today.minusYears(4).withDayOfYear(100),
                "东城区人民政府", null, today.minusYears(3).minusDays(30));
        long flood = plan(brigade, "东城区防汛抗旱应急预案", "专项", "自然灾害", "区防汛抗旱指挥部办公室", today.minusYears(3).plusDays(40),
                "东城区人民政府", null, null);
        plan(brigade, "东城区应急管理局生产安全事故应急预案", "部门", "生产安全事故", "区应急管理局安全生产综合科",
                today.minusYears(1).withDayOfYear(30), "东城区应急管理局", null, null);
        plan(town1, "街道突发事件综合应急预案", "总体", "综合", "街道平安建设办公室", today.minusYears(1).withDayOfYear(200),
                "街道办事处", null, null);
        plan(town2, "社区综合应急预案", "总体", "综合", "社区居委会", today.minusMonths(10), "街道办事处", null, null);
        plan(town1, "加油站火灾爆炸事故专项应急预案（企业）", "企业", "生产安全事故", "企业安全管理部", today.minusYears(2).withDayOfYear(15),
                "企业主要负责人", null, today.minusMonths(14));

        drill(brigade, "危险化学品泄漏事故综合应急演练", LocalDate.of(year, 6, 16), chemicals, "实战", 120,
                "警戒区域设置偏小，疏散引导不够及时", "调整警戒半径，补充疏散引导员培训");
        drill(brigade, "防汛抢险桌面推演", LocalDate.of(year, 5, 12), flood, "桌面", 35,
                "低洼片区转移名单未及时更新", "各街道每月更新转移安置名单");
        drill(town1, "社区地震应急疏散演练", LocalDate.of(year, 5, 12), overall, "实战", 260,
                "部分楼门疏散通道堆物", "组织清理楼道堆物并复查");
        drill(town2, "高层住宅火灾逃生演练", LocalDate.of(year, 11, 9),
                overall, "实战", 180, "", "");
        drill(brigade, "有限空间中毒窒息事故救援演练", LocalDate.of(year - 1, 9, 20), null, "实战", 48,
                "救援人员未佩戴正压式呼吸器即进入", "开展呼吸器佩戴专项训练");

        team(brigade, "东城区综合应急救援队", "专业", 320, "排涝泵车6台、冲锋舟4艘、生命探测仪2台", "王建国", "13820045678");
        team(brigade, "东城区危险化学品事故应急救援队", "专业", 180, "防化服40套、气体检测仪12台、堵漏工具3套", "李志强", "13902178812");
        team(brigade, "东城区抗洪抢险应急救援队", "专业", 450, "沙袋20000条、抽水泵30台、救生衣500件", "张立军", "022-27891234");
        team(brigade, "蓝天救援队东城分队", "社会", 85, "绳索救援装备、急救箱、无人机2架", "赵海涛", "15822336677");
        team(town1, "街道基层应急救援队", "社会", 60, "灭火器、破拆工具、应急照明", "孙丽", "13512349876");
        team(town2, "加油站企业专职应急救援队", "企业", 24, "推车式灭火器、消防沙、防火毯", "周强", "13700221133");

        material(brigade, "折叠床", "生活保障", "630", "张", "区救灾物资储备库", "刘洋");
        material(brigade, "编织袋（沙袋）", "防汛抗旱", "20000", "条", "区防汛物资仓库", "陈刚");
        material(brigade, "救生衣", "防汛抗旱", "500", "件", "区防汛物资仓库", "陈刚");
        material(brigade, "棉被", "生活保障", "800", "床", "区救灾物资储备库", "刘洋");
        material(brigade, "应急照明灯", "通信照明", "120", "台", "区应急指挥中心", "吴敏");
        material(town1, "灭火器（干粉4kg）", "消防器材", "200", "具", "街道应急管理服务站", "孙丽");
        material(town2, "急救药箱", "医疗救护", "40", "个", "社区卫生服务站", "郑华");

        String[][] informants = {
                {"马俊", "体育中心街道 华苑社区", "13612340001"}, {"杨帆", "体育中心街道 时代奥城社区", "13612340002"},
                {"黄丽", "万兴街道 万德庄社区", "13612340003"}, {"冯涛", "万兴街道 南开大学社区", "13612340004"},
                {"何静", "学府街道 鲁能城社区", "13612340005"}, {"罗斌", "学府街道 天大社区", "13612340006"},
                {"高敏", "长虹街道 芥园里社区", "13612340007"}, {"林峰", "长虹街道 华宁北里社区", "13612340008"},
                {"谢娜", "鼓楼街道 鼓楼东社区", "13612340009"}, {"唐亮", "鼓楼街道 二宫社区", "13612340010"}};
        for (int i = 0; i < informants.length; i++) {
            informant(i % 2 == 0 ? town1 : town2, informants[i][0], informants[i][1], informants[i][2],
                    i % 3 == 0 ? null : today.minusMonths(i + 1));
        }

        insurance(brigade, today);
    }

    private void insurance(long brigade, LocalDate today) {
        Set<Long> orgs = Set.copyOf(organizations.subtreeIds(brigade));
        Set<String> codes = rules.industries().stream().flatMap(i -> i.codes().stream()).collect(Collectors.toSet());
        Set<RiskFeature> features = rules.industries().stream().flatMap(i -> i.riskFeatures().stream()).collect(Collectors.toSet());
        Map<Long, EnterpriseSummary> firms = new LinkedHashMap<>();
        enterprises.pool(new PoolFilter(orgs, codes, null, Set.of(), Set.of(), false)).forEach(f -> firms.put(f.id(), f));
        enterprises.pool(new PoolFilter(orgs, Set.of(), null, features, Set.of(), false)).forEach(f -> firms.put(f.id(), f));
        List<EnterpriseSummary> mandatory = firms.values().stream().filter(f -> rules.mandatoryIndustry(f).isPresent())
                .sorted(Comparator.comparingLong(EnterpriseSummary::id)).limit(16).toList();
        String[] insurers = {"中国人民财产保险股份有限公司天津市分公司", "中国平安财产保险股份有限公司天津分公司",
                "中国太平洋财产保险股份有限公司天津分公司"};
        for (int i = 0; i < mandatory.size(); i++) {
            EnterpriseSummary firm = mandatory.get(i);
            if (i >= mandatory.size() - 2 && mandatory.size() > 4) {
                continue; // never insured: on the lapse list as 未投保
            }
            LocalDate starts;
            if (i == 0) {
                starts = today.minusYears(1).plusDays(20); // ends within 30 days
            } else if (i == 1) {
                starts = today.minusYears(1).minusDays(40); // lapsed 40 days ago
            } else {
                starts = today.minusDays(30L * (i % 10) + 5);
            }
            policy(firm, insurers[i % insurers.length], "AQZR" + today.getYear() + String.format("%06d", 1000 + i), starts,
                    starts.plusYears(1).minusDays(1), new BigDecimal(i % 2 == 0 ? "500" : "300"));
        }
    }

    private long plan(long org, String name, String level, String kind, String lead, LocalDate approvedOn, String approvedBy,
                      LocalDate revisedOn, LocalDate evaluatedOn) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("level", level);
        v.put("kind", kind);
        v.put("lead_department", lead);
        v.put("approved_on", approvedOn);
        v.put("approved_by", approvedBy);
        v.put("last_revised_on", revisedOn);
        v.put("last_evaluated_on", evaluatedOn);
        return registers.insert(Register.PLANS, org, v, true);
    }

    private void drill(long org, String title, LocalDate planned, Long plan, String kind, int participants, String findings,
                       String followUps) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        LocalDate today = LocalDate.now(clock);
        v.put("drilled_on", planned.isAfter(today) ? today.minusDays(planned.getDayOfYear() % 20 + 1) : planned);
        v.put("plan_id", plan);
        v.put("kind", kind);
        v.put("participants", participants);
        v.put("findings", findings.isEmpty() ? null : findings);
        v.put("follow_ups", followUps.isEmpty() ? null : followUps);
        registers.insert(Register.DRILLS, org, v, true);
    }

    private void team(long org, String name, String kind, int members, String equipment, String person, String phone) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("kind", kind);
        v.put("members", members);
        v.put("equipment", equipment);
        v.put("contact_person", person);
        v.put("contact_phone", phone);
        registers.insert(Register.TEAMS, org, v, true);
    }

    private void material(long org, String name, String kind, String quantity, String unit, String location, String keeper) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("kind", kind);
        v.put("quantity", new BigDecimal(quantity));
        v.put("unit", unit);
        v.put("location", location);
        v.put("keeper", keeper);
        registers.insert(Register.MATERIALS, org, v, true);
    }

    private void informant(long org, String name, String area, String phone, LocalDate trainedOn) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("area", area);
        v.put("phone", phone);
        v.put("trained_on", trainedOn);
        registers.insert(Register.INFORMANTS, org, v, true);
    }

    private void policy(EnterpriseSummary firm, String insurer, String number, LocalDate starts, LocalDate ends, BigDecimal amount) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("enterprise_id", firm.id());
        v.put("enterprise_name", firm.name());
        v.put("insurer", insurer);
        v.put("policy_number", number);
        v.put("starts_on", starts);
        v.put("ends_on", ends);
        v.put("amount", amount);
        registers.insert(Register.INSURANCE, firm.organizationId(), v, true);
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("UPDATE emergency_drill SET plan_id = NULL WHERE plan_id IN (SELECT id FROM emergency_plan WHERE demo)").update();
        for (String table : List.of("emergency_drill", "emergency_plan", "rescue_team", "emergency_material",
                "disaster_informant", "liability_policy")) {
            jdbc.sql("DELETE FROM " + table + " WHERE demo").update();
        }
    }
}
