package cn.zhifa.supervision.internal;

import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.PoolFilter;
import cn.zhifa.shared.demo.DemoDataLoader;
import cn.zhifa.supervision.ComplaintChannel;
import cn.zhifa.supervision.SupervisionOrderView.SubjectKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision part of the demo city: complaints on every channel over the year (most closed on time, some still
 * open, some overdue, one not accepted, one duplicate, one that led to a case and earned its reporter a paid reward),
 * a 督办单 to 东城's brigade answered in time and one left unanswered past its day, and a 约谈 record.
 */
@Component
class SupervisionDemoData implements DemoDataLoader {

    private final JdbcClient jdbc;
    private final Complaints complaints;
    private final ComplaintDeadlines deadlines;
    private final OrderBook book;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final EnterpriseManagement enterprises;
    private final ReviewLedger reviews;
    private final cn.zhifa.casework.CaseManagement cases;
    private final Clock clock;

    SupervisionDemoData(JdbcClient jdbc, Complaints complaints, ComplaintDeadlines deadlines, OrderBook book,
                        UserManagement users, OrganizationManagement organizations, EnterpriseManagement enterprises,
                        ReviewLedger reviews, cn.zhifa.casework.CaseManagement cases, Clock clock) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.book = book;
        this.users = users;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.reviews = reviews;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM complaint WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        UserView officer = users.findByUsername("officer1").orElse(null);
        UserView supervisor = users.findByUsername("supervisor1").orElse(null);
        if (officer == null || supervisor == null) {
            return;
        }
        long brigade = officer.organizationId();
        List<EnterpriseSummary> firms = enterprises.pool(PoolFilter.of(Set.copyOf(organizations.subtreeIds(brigade))))
                .stream().sorted(Comparator.comparingLong(EnterpriseSummary::id)).limit(40).toList();
        if (firms.size() < 10) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        String[] matters = {"厂区内违规动火作业，未办理动火审批", "仓库内堆放大量易燃物品，消防通道堵塞", "有限空间作业未检测通风",
                "员工未经安全培训上岗", "危险化学品储存不规范，未设警示标志", "夜间违规组织生产，安全设施未投用", "特种作业人员无证上岗"};
        int n = 0;
        for (ComplaintChannel channel : ComplaintChannel.values()) {
            // closed on time, months ago
            EnterpriseSummary a = firms.get(n % firms.size());
            Complaint closed = complaint(brigade, officer, channel, today.minusDays(150 + 9L * n), a, matters[n % matters.length], false);
            handle(closed, brigade, 1, 8, "经现场核查，情况属实，已责令限期整改并复查合格。", "责令整改，复查合格");
            n++;
            // accepted and still being handled, within its period
            EnterpriseSummary b = firms.get(n % firms.size());
            Complaint open = complaint(brigade, officer, channel, today.minusDays(1), b, matters[n % matters.length], true);
            open.accept(today, brigade);
            complaints.save(open);
            n++;
        }
        // overdue: one not accepted in time, one accepted and not closed in time
        Complaint notAccepted = complaint(brigade, officer, ComplaintChannel.HOTLINE_12345, today.minusDays(20), firms.get(3),
                "企业擅自拆除可燃气体报警装置", false);
        complaints.save(notAccepted);
        Complaint notClosed = complaint(brigade, officer, ComplaintChannel.HOTLINE_12350, today.minusDays(120), firms.get(4),
                "粉尘涉爆车间未按规定清扫积尘", false);
        notClosed.accept(notClosed.receivedOn().plusDays(2), brigade);
        notClosed.recordFollowUp(Complaint.FollowUp.INSPECTION, "已派检查任务核查");
        complaints.save(notClosed);
        // not accepted, with a reason
        Complaint rejected = complaint(brigade, officer, ComplaintChannel.VISIT, today.minusDays(60), firms.get(5),
                "小区电梯长期故障无人维修", false);
        rejected.reject(rejected.receivedOn().plusDays(3), "反映事项属特种设备（电梯）安全监管，不属于应急管理部门职责，已告知向市场监管部门反映。");
        complaints.save(rejected);
        // a duplicate of the open overdue one: linked, not counted
        Complaint duplicate = Complaint.register(brigade, ComplaintChannel.PHONE, today.minusDays(10), "同一企业粉尘车间积尘严重",
                firms.get(4).id(), firms.get(4).name(), null, null, true,
                deadlines.of(ComplaintChannel.PHONE, today.minusDays(10)), notClosed.id(), officer.id());
        duplicate.demo = true;
        complaints.save(duplicate);
        // led to a case and a fine: the real-name reporter's reward, approved and paid
        Complaint rewarded = complaint(brigade, officer, ComplaintChannel.HOTLINE_12350, today.minusDays(200), firms.get(6),
                "企业未经安全设施竣工验收擅自投入生产", false);
        rewarded.accept(rewarded.receivedOn().plusDays(1), brigade);
        rewarded.recordFollowUp(Complaint.FollowUp.CASE, "已立案查处");
        rewarded.reply(rewarded.receivedOn().plusDays(20), "经查属实，已依法立案查处，感谢您的举报。");
        rewarded.close(rewarded.receivedOn().plusDays(25), "立案查处，罚款 80000 元");
        rewarded.proposeReward(new BigDecimal("80000"), deadlines.rules().reward());
        rewarded.approveReward(rewarded.receivedOn().plusDays(40));
        rewarded.payReward(rewarded.receivedOn().plusDays(50));
        complaints.save(rewarded);

        long city = supervisor.organizationId();
        long answered = book.issue(brigade, city, SubjectKind.UNIT, brigade, unitName(brigade),
                "辖区逾期未整改隐患较多，请于期限内集中清理并报送整改情况。", today.minusDays(40), today.minusDays(25),
                supervisor.id(), true);
        book.reply(answered, 0, "已对逾期隐患逐项复查，完成整改 12 项，对 2 家企业立案查处。", today.minusDays(27), officer.id());
        book.issue(brigade, city, SubjectKind.UNIT, brigade, unitName(brigade),
                "请报送第三季度执法计划执行情况及未完成原因。", today.minusDays(20), today.minusDays(6), supervisor.id(), true);
        book.recordInterview(brigade, today.minusDays(35), "大队长、分管副大队长", "第三季度检查计划完成率排名末位，逾期隐患 14 项",
                "一个月内完成计划检查并清理全部逾期隐患，每周向支队报送进展。", supervisor.id(), true);
        upheldReview(officer);
    }

    /** One 行政复议 of a decided demo case, upheld by the city government. */
    private void upheldReview(UserView officer) {
        cn.zhifa.inspection.DemoActor.of(officer).run(() -> cases.search(cn.zhifa.casework.CaseFilter.none(), 0, 200).items()
                .stream().filter(r -> r.decidedOn() != null && r.decidedOn().isBefore(LocalDate.now(clock).minusDays(90))
                        && r.fineYuan() != null && r.fineYuan().signum() > 0)
                .findFirst().ifPresent(r -> {
                    long id = reviews.record(r.id(), unitOf(r.id()),
                            r.caseNumber() + " " + r.title(), cn.zhifa.supervision.ReviewView.Kind.REVIEW, "示例市人民政府",
                            r.decidedOn().plusDays(20), "当事人认为罚款过重，申请行政复议。", officer.id(), true);
                    reviews.decide(id, 0, cn.zhifa.supervision.ReviewView.Outcome.UPHELD, r.decidedOn().plusDays(75), null);
                }));
    }

    private long unitOf(long caseId) {
        return cases.get(caseId).getOrganizationId();
    }

    private Complaint complaint(long unit, UserView officer, ComplaintChannel channel, LocalDate receivedOn,
                                EnterpriseSummary firm, String matter, boolean anonymous) {
        String[] names = {"张先生", "李女士", "王先生", "赵女士", "刘先生"};
        String name = anonymous ? null : names[(int) (firm.id() % names.length)];
        Complaint c = Complaint.register(unit, channel, receivedOn, firm.name() + matter, firm.id(), firm.name(), name,
                anonymous ? null : "139" + String.format("%08d", firm.id() % 100_000_000), anonymous,
                deadlines.of(channel, receivedOn), null, officer.id());
        c.demo = true;
        return complaints.save(c);
    }

    private void handle(Complaint c, long unit, int acceptAfter, int closeAfter, String reply, String result) {
        c.accept(c.receivedOn().plusDays(acceptAfter), unit);
        c.recordFollowUp(Complaint.FollowUp.INSPECTION, "已派检查任务核查");
        c.reply(c.receivedOn().plusDays(closeAfter - 1), reply);
        c.close(c.receivedOn().plusDays(closeAfter), result);
        complaints.save(c);
    }

    private String unitName(long id) {
        return organizations.find(id).map(o -> o.name()).orElse("");
    }

    @Override
    @Transactional
    public void purge() {
        complaints.purgeDemo();
        book.purgeDemo();
    }
}
