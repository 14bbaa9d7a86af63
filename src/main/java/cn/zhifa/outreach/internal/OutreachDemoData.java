package cn.zhifa.outreach.internal;

import cn.zhifa.documents.DemoDocuments;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 普法 and 帮扶 part of the demo city, for 东城's brigade: this year's activities of every kind (the quiz with the
 * seed's 23 units and 1,843 people, 6,000 读本), two of last year, four experts, six visits with experts and officers,
 * two 提示函 and one 警示函 issued as numbered documents.
 */
@Component
class OutreachDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Experts experts;
    private final Letters letters;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final DemoDocuments demoDocuments;
    private final Clock clock;

    OutreachDemoData(JdbcClient jdbc, Activities activities, Experts experts, Letters letters, UserManagement users,
                     OrganizationManagement organizations, EnterpriseManagement enterprises, OfficerManagement officers,
                     DemoDocuments demoDocuments, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.experts = experts;
        this.letters = letters;
        this.users = users;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.officers = officers;
        this.demoDocuments = demoDocuments;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 97;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM outreach_activity WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView officer = users.findByUsername("officer1").orElse(null);
        if (officer == null) {
            return;
        }
        long brigade = officer.organizationId();
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        String unit = organizations.find(brigade).map(o -> o.name()).orElse("执法大队");
        Object[][] rows = {
                {ActivityKind.SEND_LAW, "“送法进企”——新《安全生产法》进化工企业", 20, "工业园区企业会议室", 12, 126},
                {ActivityKind.SEND_LAW, "“送法进企”——有限空间作业安全", 75, "华明街道企业服务中心", 9, 88},
                {ActivityKind.SEND_LAW, "“送法进企”——粉尘涉爆企业专场", 130, "东城区应急管理局培训室", 15, 142},
                {ActivityKind.LECTURE, "《安全生产法》巡回宣讲（街道专场）", 40, "街道办事处礼堂", 0, 120},
                {ActivityKind.LECTURE, "安全生产月主题宣讲", 160, "区文化中心", 0, 135},
                {ActivityKind.LIVE, "惠企安全空中课堂第1期", 60, "网络直播", 0, 2000},
                {ActivityKind.LIVE, "惠企安全空中课堂第2期", 150, "网络直播", 0, 1860},
                {ActivityKind.QUIZ, "新《安全生产法》知识答题", 100, "线上答题", 23, 1843},
                {ActivityKind.FOUR_INTO, "安全宣传进社区", 120, "东城区幸福社区", 0, 320},
                {ActivityKind.FOUR_INTO, "安全宣传进学校", 170, "东城区实验小学", 0, 450},
                {ActivityKind.HANDBOOK, "新《安全生产法》读本发放", 50, "各街道、安委会成员单位", 36, 6000},
        };
        for (Object[] r : rows) {
            activities.insert(brigade, new Activities.RecordActivity((ActivityKind) r[0], (String) r[1],
                    day(year, (Integer) r[2], today), (String) r[3], unit, (Integer) r[4], (Integer) r[5], null), officer.id(), true);
        }
        activities.insert(brigade, new Activities.RecordActivity(ActivityKind.SEND_LAW, "“送法进企”——冬季安全生产",
                LocalDate.of(year - 1, 11, 20), "工业园区企业会议室", unit, 8, 96, null), officer.id(), true);
        activities.insert(brigade, new Activities.RecordActivity(ActivityKind.LIVE, "安全生产直播课（试播）",
                LocalDate.of(year - 1, 12, 10), "网络直播", unit, 0, 900, null), officer.id(), true);

        String[][] people = {
                {"陈志远", "危险化学品", "示例市化工设计研究院", "13800001111"},
                {"刘海燕", "粉尘涉爆", "示例市安全生产科学研究所", "13800002222"},
                {"王振华", "有限空间", "示例市安全技术服务中心", "13800003333"},
                {"赵文博", "电气安全", "示例市电力工程学校", "13800004444"}};
        List<Experts.ExpertView> registered = new java.util.ArrayList<>();
        for (String[] p : people) {
            long id = experts.insertExpert(brigade, new Experts.RegisterExpert(p[0], p[1], p[2], p[3]), officer.id(), true);
            registered.add(new Experts.ExpertView(id, brigade, unit, p[0], p[1], p[2], p[3]));
        }
        List<EnterpriseSummary> firms = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(brigade))))
                .stream().sorted(Comparator.comparingLong(EnterpriseSummary::id)).limit(6).toList();
        Map<Long, String> team = new LinkedHashMap<>();
        officers.certifiedOfficers(List.of(brigade), today).stream()
                .sorted(Comparator.comparingLong(OfficerSummary::userId)).limit(2)
                .forEach(o -> team.put(o.userId(), o.name()));
        String[][] findings = {
                {"甲类仓库可燃气体报警器未定期检定；部分作业人员对应急处置卡不熟悉。", "建议委托有资质机构检定报警器，每月组织一次应急处置卡演练。"},
                {"除尘系统未设置锁气卸灰装置，粉尘清扫记录不全。", "建议加装锁气卸灰装置，建立每班清扫制度并留存记录。"},
                {"污水池有限空间未设置警示标志，作业审批单填写不完整。", "建议设置有限空间警示标志，完善作业审批和气体检测记录。"},
                {"配电室未配备绝缘防护用品，电缆沟积水。", "建议配齐绝缘手套、绝缘靴，及时排除电缆沟积水并加盖板。"},
                {"安全生产责任制未覆盖新设岗位。", "建议补充新设岗位的安全生产责任制并组织全员学习。"},
                {"重大危险源包保责任人履职记录不全。", "建议按要求落实包保责任人定期检查并如实记录。"}};
        for (int i = 0; i < firms.size(); i++) {
            List<Experts.ExpertView> joined = List.of(registered.get(i % registered.size()));
            experts.insertVisit(brigade, firms.get(i), day(year, 30 + i * 25, today), joined, i < 4 ? team : Map.of(),
                    findings[i][0], findings[i][1], officer.id(), true);
        }
        if (firms.size() >= 3) {
            String by = officer.displayName();
            letters.issue(brigade, firms.get(0), new Letters.IssueLetter(firms.get(0).id(), LetterKind.TIP, "汛期安全生产",
                    "1. 汛期雷雨天气频发，厂区排水设施存在堵塞；\n2. 户外作业未制定恶劣天气停工措施。",
                    "1. 汛前全面疏通排水设施；\n2. 制定恶劣天气停工和人员撤离措施并组织演练。", today.plusDays(15), null),
                    today, by, officer.id(), "demo-outreach-letter-1", true);
            letters.issue(brigade, firms.get(1), new Letters.IssueLetter(firms.get(1).id(), LetterKind.TIP, "有限空间作业安全",
                    "有限空间作业审批、通风检测和监护制度落实不到位。",
                    "严格执行“先通风、再检测、后作业”，作业时设专人监护。", today.plusDays(20), null),
                    today, by, officer.id(), "demo-outreach-letter-2", true);
            letters.issue(brigade, firms.get(2), new Letters.IssueLetter(firms.get(2).id(), LetterKind.WARNING, "帮扶走访",
                    "粉尘清扫制度不落实，除尘系统未设置锁气卸灰装置。",
                    "立即停止除尘系统超负荷运行，加装锁气卸灰装置，落实每班清扫。", today.plusDays(10), null),
                    today, by, officer.id(), "demo-outreach-letter-3", true);
        }
    }

    @Override
    @Transactional
    public void purge() {
        letters.purgeDemo(demoDocuments);
        experts.purgeDemo();
        activities.purgeDemo();
    }

    /** A day of this year {@code offset} days after 1 January, but not after today. */
    private static LocalDate day(int year, int offset, LocalDate today) {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(offset);
        return day.isAfter(today) ? today : day;
    }
}
