package cn.zhifa.accident.internal;

import cn.zhifa.accident.AccidentKind;
import cn.zhifa.accident.AccidentManagement;
import cn.zhifa.accident.NewAccident;
import cn.zhifa.accident.TeamRole;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accident part of the demo city (东城's brigade): a 较大 poisoning accident re-graded by its 续报, investigated,
 * approved with the unit's and the principal's cases proposed, one measure done and listed for 警示教育; a fall accident of
 * last year approved and evaluated within the year; a machinery accident under investigation; a fire reported late.
 */
@Component
class AccidentDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final AccidentManagement accidents;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final Clock clock;
    private final cn.zhifa.casework.ProposedCaseDemoPurge casePurge;

    AccidentDemoData(JdbcClient jdbc, AccidentManagement accidents, UserManagement users,
                     OrganizationManagement organizations, EnterpriseManagement enterprises, Clock clock,
                     cn.zhifa.casework.ProposedCaseDemoPurge casePurge) {
        this.jdbc = jdbc;
        this.accidents = accidents;
        this.users = users;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.clock = clock;
        this.casePurge = casePurge;
    }

    @Override
    public int order() {
        return 96;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM accident WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView leader = users.findByUsername("leader1").orElse(null);
        UserView officer = users.findByUsername("officer1").orElse(null);
        if (leader == null || officer == null) {
            return;
        }
        List<EnterpriseSummary> firms = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(officer.organizationId()))))
                .stream().sorted(Comparator.comparingLong(EnterpriseSummary::id)).limit(12).toList();
        if (firms.size() < 4) {
            return;
        }
        long before = jdbc.sql("SELECT COALESCE(max(id), 0) FROM accident").query(Long.class).single();
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        LocalDate today = now.toLocalDate();
        DemoActor.of(leader).run(() -> {
            // 较大: 快报 2 deaths, 续报 a third; investigated, approved, cases proposed, one measure done, 警示教育
            LocalDateTime occurred = now.minusDays(100).withHour(9).withMinute(40);
            long poisoning = report(firms.get(0), "受限空间中毒窒息事故", occurred, occurred.plusMinutes(45), AccidentKind.POISONING,
                    2, 1, "1850000", "污水处理车间调节池",
                    "作业人员进入调节池清理污泥时中毒晕倒，另1名工人未佩戴防护用品施救，2人经抢救无效死亡，1人重伤。");
            accidents.followUp(poisoning, new AccidentManagement.FollowUp(occurred.plusDays(4), 3, 0, 0, new BigDecimal("2630000"),
                    "重伤人员经抢救无效死亡，直接经济损失核定增加"));
            accidents.startInvestigation(poisoning, new AccidentManagement.StartInvestigation(occurred.toLocalDate().plusDays(2), List.of(
                    new AccidentManagement.Member(TeamRole.LEADER, "刘建国", "示例市应急管理局"),
                    new AccidentManagement.Member(TeamRole.MEMBER, "陈立新", "示例市公安局"),
                    new AccidentManagement.Member(TeamRole.MEMBER, "王海燕", "示例市总工会"),
                    new AccidentManagement.Member(TeamRole.EXPERT, "高志远", "示例市安全生产专家库"))));
            accidents.submitReport(poisoning, new AccidentManagement.SubmitReport(occurred.toLocalDate().plusDays(55),
                    "事故单位未执行受限空间作业审批制度，作业前未进行通风和气体检测，作业人员未佩戴防护用品；盲目施救导致事故扩大。事故性质为生产安全责任事故。",
                    "未建立并落实受限空间作业安全管理制度，未对从业人员进行有限空间作业安全培训，对事故发生负有责任。", true,
                    "周建华", new BigDecimal("360000"), "主要负责人未督促检查本单位安全生产工作，未及时消除事故隐患，对事故发生负有领导责任。",
                    "对事故单位依据安全生产法第一百一十四条给予罚款；对主要负责人依据第九十五条给予罚款。",
                    List.of(new AccidentManagement.MeasureInput("全面排查受限空间作业点，建立清单并设置警示标志", firms.get(0).name(),
                                    occurred.toLocalDate().plusDays(80)),
                            new AccidentManagement.MeasureInput("开展有限空间作业专项培训和应急演练", firms.get(0).name(), today.plusDays(60)),
                            new AccidentManagement.MeasureInput("开展全区污水处理行业有限空间作业专项整治", "示例市东城区应急管理局", today.plusDays(120)))));
            accidents.approve(poisoning, new AccidentManagement.Approve(occurred.toLocalDate().plusDays(63),
                    "同意事故调查报告对事故原因、性质和责任的认定及对责任者的处理建议，由区应急管理局依法实施行政处罚。"));
            accidents.completeMeasure(poisoning, 0, occurred.toLocalDate().plusDays(78));
            accidents.markTypical(poisoning, "某污水处理企业作业人员未经审批、未检测通风进入调节池清淤，中毒晕倒后工友盲目施救，造成3人死亡。"
                    + "警示：受限空间作业必须“先通风、再检测、后作业”，严禁盲目施救。");

            // last year's fall accident, approved and evaluated within the year
            LocalDateTime fell = now.minusDays(420).withHour(14).withMinute(10);
            long fall = report(firms.get(1), "高处坠落事故", fell, fell.plusMinutes(30), AccidentKind.FALL, 1, 0, "1420000",
                    "厂房屋面彩钢板更换作业点", "外包施工人员在屋面更换彩钢板时踩破采光板坠落，经抢救无效死亡。");
            accidents.startInvestigation(fall, new AccidentManagement.StartInvestigation(fell.toLocalDate().plusDays(1), List.of(
                    new AccidentManagement.Member(TeamRole.LEADER, "张卫东", "示例市东城区应急管理局"),
                    new AccidentManagement.Member(TeamRole.MEMBER, "李静", "示例市东城区住房和建设委员会"))));
            accidents.submitReport(fall, new AccidentManagement.SubmitReport(fell.toLocalDate().plusDays(50),
                    "发包单位未对承包单位进行统一协调管理，作业人员未系安全带。", "未与承包单位签订安全生产管理协议。", true, null, null, null,
                    "对事故单位依据安全生产法第一百一十四条给予罚款。",
                    List.of(new AccidentManagement.MeasureInput("建立外包作业安全管理制度", firms.get(1).name(), fell.toLocalDate().plusDays(120)))));
            accidents.approve(fall, new AccidentManagement.Approve(fell.toLocalDate().plusDays(58), "同意事故调查报告。"));
            accidents.completeMeasure(fall, 0, fell.toLocalDate().plusDays(110));
            accidents.evaluate(fall, new AccidentManagement.Evaluate(fell.toLocalDate().plusDays(58 + 330),
                    "整改和防范措施已全部落实，评估结果已向社会公开。"));

            // a machinery accident under investigation
            LocalDateTime caught = now.minusDays(20).withHour(10).withMinute(5);
            long machinery = report(firms.get(2), "机械伤害事故", caught, caught.plusMinutes(35), AccidentKind.MACHINERY, 1, 0, "960000",
                    "冲压车间2号冲床", "操作工在未停机状态下清理冲床模具废料，被冲头压伤，经抢救无效死亡。");
            accidents.startInvestigation(machinery, new AccidentManagement.StartInvestigation(caught.toLocalDate().plusDays(1), List.of(
                    new AccidentManagement.Member(TeamRole.LEADER, "张卫东", "示例市东城区应急管理局"),
                    new AccidentManagement.Member(TeamRole.MEMBER, "孙明", "示例市东城区总工会"),
                    new AccidentManagement.Member(TeamRole.EXPERT, "何平", "示例市安全生产专家库"))));
        });
        // a fire reported to the bureau two hours after it broke out (迟报)
        DemoActor.of(officer).run(() -> {
            LocalDateTime fire = now.minusDays(3).withHour(2).withMinute(15);
            report(firms.get(3), "仓库火灾事故", fire, fire.plusHours(2).plusMinutes(5), AccidentKind.FIRE, 0, 2, "3200000",
                    "成品仓库", "夜间仓库电气线路短路引燃包装材料，2名值班人员在扑救中烧伤。");
        });
        jdbc.sql("UPDATE accident SET demo = TRUE WHERE id > :before").param("before", before).update();
    }

    private long report(EnterpriseSummary firm, String what, LocalDateTime occurred, LocalDateTime received, AccidentKind kind,
                        int deaths, int injuries, String loss, String place, String summary) {
        String title = "“" + occurred.getMonthValue() + "·" + occurred.getDayOfMonth() + "”" + what;
        return accidents.report(new NewAccident(firm.id(), title, occurred, received, received.plusMinutes(50), firm.name() + place,
                kind, deaths, injuries, 0, new BigDecimal(loss), summary));
    }

    @Override
    @Transactional
    public void purge() {
        // the cases the demo 批复 proposed go too, through casework (they are not casework's own "DEMO-" cases)
        casePurge.purge(jdbc.sql("SELECT ac.case_id FROM accident_case ac JOIN accident a ON a.id = ac.accident_id WHERE a.demo")
                .query(Long.class).list());
        jdbc.sql("DELETE FROM accident WHERE demo").update();
    }
}
