package cn.zhifa.publicity.internal;

import cn.zhifa.documents.Authority;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's demo sections: one 典型案例 (a published demo decision with its lesson), the 曝光台's demo rows on purge,
 * and a demo 权责清单 for this year: a realistic subset (seed 001 counts 85 处罚, 10 检查, 4 强制, 1 奖励) drawn from the
 * 安全生产法 (2021) articles, exercised by the demo district bureau; marked demo, so it is removed with the demo data.
 */
@Component
class PowerListDemoData implements DemoDataLoader {

    private static final String LAW = "《中华人民共和国安全生产法》";

    private static final String[][] POWERS = {
            {"PENALTY", "对生产经营单位的决策机构、主要负责人或者个人经营的投资人不依法保证安全生产所必需的资金投入的处罚", LAW + "第九十三条"},
            {"PENALTY", "对生产经营单位主要负责人未履行本法规定的安全生产管理职责的处罚", LAW + "第九十四条"},
            {"PENALTY", "对生产经营单位主要负责人未履行安全生产管理职责导致发生生产安全事故的处罚", LAW + "第九十五条"},
            {"PENALTY", "对生产经营单位的其他负责人和安全生产管理人员未履行安全生产管理职责的处罚", LAW + "第九十六条"},
            {"PENALTY", "对未按照规定设置安全生产管理机构或者配备安全生产管理人员、未如实记录安全生产教育和培训情况等行为的处罚", LAW + "第九十七条"},
            {"PENALTY", "对安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准等行为的处罚", LAW + "第九十九条"},
            {"PENALTY", "对未按照规定对重大危险源登记建档、进行定期检测评估监控或者未建立事故隐患排查治理制度等行为的处罚", LAW + "第一百零一条"},
            {"PENALTY", "对生产经营单位未采取措施消除事故隐患的处罚", LAW + "第一百零二条"},
            {"PENALTY", "对将生产经营项目、场所、设备发包或者出租给不具备安全生产条件或者相应资质的单位或者个人的处罚", LAW + "第一百零三条"},
            {"PENALTY", "对两个以上生产经营单位在同一作业区域内进行可能危及对方安全的生产经营活动未签订安全生产管理协议的处罚", LAW + "第一百零四条"},
            {"PENALTY", "对生产经营场所和员工宿舍未设有符合紧急疏散需要、标志明显、保持畅通的出口、疏散通道等行为的处罚", LAW + "第一百零五条"},
            {"PENALTY", "对生产经营单位拒绝、阻碍负有安全生产监督管理职责的部门依法实施监督检查的处罚", LAW + "第一百零八条"},
            {"PENALTY", "对高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险的处罚", LAW + "第一百零九条"},
            {"PENALTY", "对发生生产安全事故负有责任的生产经营单位的处罚", LAW + "第一百一十四条"},
            {"INSPECTION", "对生产经营单位执行安全生产法律、法规和国家标准或者行业标准情况的监督检查", LAW + "第六十五条第一款"},
            {"INSPECTION", "对生产经营单位事故隐患整改情况的复查", LAW + "第六十五条第一款第（三）项"},
            {"COERCION", "对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押",
                    LAW + "第六十五条第一款第（四）项"},
            {"COERCION", "对违法生产、储存、使用、经营危险物品的作业场所予以查封", LAW + "第六十五条第一款第（四）项"},
            {"COERCION", "通知有关单位停止供电、停止供应民用爆炸物品，强制生产经营单位履行停产停业、停止施工、停止使用相关设备或者设施的决定",
                    LAW + "第七十条"},
            {"REWARD", "对报告重大事故隐患或者举报安全生产违法行为的有功人员给予奖励", LAW + "第七十六条"},
    };

    private final PowerList powers;
    private final ExposureBoard exposures;
    private final TypicalCases typicalCases;
    private final Publications publications;
    private final UserManagement users;
    private final OrganizationManagement organizations;
    private final DocumentManagement documents;
    private final Clock clock;

    PowerListDemoData(PowerList powers, ExposureBoard exposures, TypicalCases typicalCases, Publications publications,
                      UserManagement users, OrganizationManagement organizations,
                      DocumentManagement documents, Clock clock) {
        this.powers = powers;
        this.exposures = exposures;
        this.typicalCases = typicalCases;
        this.publications = publications;
        this.users = users;
        this.organizations = organizations;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 91;
    }

    @Override
    @Transactional
    public void load() {
        typicalCase();
        int year = LocalDate.now(clock).getYear();
        if (powers.count(year) > 0) {
            return;
        }
        long org = users.findByUsername("leader1").map(u -> u.organizationId()).orElse(-1L);
        String body = documents.authorityFor(org).map(Authority::name)
                .or(() -> organizations.find(org).map(OrganizationView::name)).orElse(null);
        if (body == null) {
            return;
        }
        for (String[] p : POWERS) {
            powers.addDemo(year, PowerKind.valueOf(p[0]), p[1], p[2], body, "区县级");
        }
    }

    /** The newest demo decision against a firm on the portal today becomes a 典型案例 with its lesson. */
    private void typicalCase() {
        if (typicalCases.anyDemo()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        publications.query("WHERE p.published_by = :demo AND NOT p.person ORDER BY p.decided_on DESC, p.id DESC",
                        Map.of("demo", PublicityDemoData.DEMO_PUBLISHER)).stream()
                .filter(p -> p.publicOn(today)).findFirst()
                .ifPresent(p -> typicalCases.approve(p, "企业主要负责人对安全生产工作全面负责。本案中企业未落实安全生产主体责任，"
                        + "事故隐患长期得不到排查治理，被依法处罚。提醒各生产经营单位：建立健全全员安全生产责任制，"
                        + "定期组织隐患排查并如实记录，对发现的问题立即整改，切莫心存侥幸。", PublicityDemoData.DEMO_PUBLISHER, today, true));
    }

    @Override
    public void purge() {
        typicalCases.purgeDemo();
        powers.purgeDemo();
        exposures.purgeDemo(); // the demo hazards' rows on the 曝光台 (the hazards are the hazard demo's)
    }
}
