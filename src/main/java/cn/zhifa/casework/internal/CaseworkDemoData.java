package cn.zhifa.casework.internal;

import cn.zhifa.casework.AccidentFacts;
import cn.zhifa.casework.Acting;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CasePeriods;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.DiscretionEngine;
import cn.zhifa.casework.DiscretionInput;
import cn.zhifa.casework.Instalment;
import cn.zhifa.casework.LegalReviewTriggers;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.ProposedCase;
import cn.zhifa.casework.ReviewOpinion;
import cn.zhifa.casework.StepKind;
import cn.zhifa.casework.Tier;
import cn.zhifa.casework.ViolationLibrary;
import cn.zhifa.casework.When;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.DemoDocuments;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.casework.CaseProcedureDocuments;
import cn.zhifa.inspection.DemoActor;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo cases of 东城区应急管理综合行政执法大队 in every stage, dated relative to the day they are loaded: some near
 * or past their deadlines, one 一案双罚 pair, one accident case, decided 102 cases for the similar-cases panel.
 * Idempotent: nothing is added when demo cases exist.
 */
@Component
class CaseworkDemoData implements DemoDataLoader {

    static final String DEMO = "DEMO-";

    private final PenaltyCases cases;
    private final UserManagement users;
    private final CasePeriods periods;
    private final DiscretionEngine discretion;
    private final ViolationLibrary library;
    private final LegalReviewTriggers triggers;
    private final AccidentGrading grading;
    private final JdbcClient jdbc;
    private final DocumentManagement documents;
    private final Clock clock;
    private final CaseProcedureDocuments procedureDocuments;
    private final DemoDocuments demoDocuments;
    private final ApplicationEventPublisher meetings;
    private final cn.zhifa.casework.CaseStatistics statistics;

    CaseworkDemoData(PenaltyCases cases, UserManagement users, CasePeriods periods, DiscretionEngine discretion,
                     ViolationLibrary library, LegalReviewTriggers triggers, AccidentGrading grading, JdbcClient jdbc,
                     DocumentManagement documents, Clock clock, CaseProcedureDocuments procedureDocuments,
                     DemoDocuments demoDocuments, ApplicationEventPublisher meetings,
                     cn.zhifa.casework.CaseStatistics statistics) {
        this.meetings = meetings;
        this.statistics = statistics;
        this.procedureDocuments = procedureDocuments;
        this.demoDocuments = demoDocuments;
        this.cases = cases;
        this.users = users;
        this.periods = periods;
        this.discretion = discretion;
        this.library = library;
        this.triggers = triggers;
        this.grading = grading;
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 70;
    }

    private Acting officer;
    private Acting officer2;
    private Acting leader;
    private Acting legal;
    private long org;
    private LocalDate today;

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM penalty_case WHERE source_reference LIKE 'DEMO-%'").query(Long.class).single() > 0) {
            return;
        }
        UserView o = users.findByUsername("officer1").orElse(null);
        UserView l = users.findByUsername("leader1").orElse(null);
        UserView g = users.findByUsername("legal1").orElse(null);
        UserView o2 = users.findByUsername("officer2").orElse(null);
        if (o == null || l == null || g == null || o2 == null) {
            return;
        }
        officer2 = new Acting(o2.id(), o2.displayName(), o2.roles());
        officer = new Acting(o.id(), o.displayName(), o.roles());
        leader = new Acting(l.id(), l.displayName(), l.roles());
        legal = new Acting(g.id(), g.displayName(), g.roles());
        org = o.organizationId();
        today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        demoDocumentSettings();

        // Past decisions of art 102 (similar cases) and the rest of the closed history.
        String[][] decided = {{"东华五金加工厂", "15000", "GENERAL", "200"}, {"朝阳建材有限公司", "8000", "LIGHTER", "170"},
                {"龙湖物流有限公司", "42000", "HEAVIER", "150"}, {"新村食品有限公司", "20000", "GENERAL", "120"},
                // decided more than three years ago: its publication has expired (publicity demo)
                {"东风铸造有限公司", "20000", "GENERAL", "1150"}};
        int n = 0;
        for (String[] row : decided) {
            PenaltyCase c = decidedCase(row[0], "未采取措施消除事故隐患", "102-1", Tier.valueOf(row[2]), row[1], Integer.parseInt(row[3]));
            pay(c, days(Integer.parseInt(row[3]) - 20));
            c.close(leader, at(Integer.parseInt(row[3]) - 25), "执行完毕，同意结案");
            if (n++ % 2 == 0) {
                c.archive(officer, at(Integer.parseInt(row[3]) - 30));
            }
            PenaltyCase saved = cases.save(c);
            decidedCases.add(saved.getId());
            if (n == 1) {
                withDocuments.add(saved);
            }
        }
        // 1 proposed from an unrectified hazard
        cases.save(proposed(CaseSource.HAZARD, "建设街道某涂料厂", "逾期未消除事故隐患：危化品仓库未设置可燃气体报警装置", "102-1", 1));
        // 2 filed 28 days ago: the decision deadline is near
        PenaltyCase near = filed("兴旺化工贸易有限公司", "未如实记录安全生产教育和培训情况", "97-1", 28);
        cases.save(near);
        // 3 filed 40 days ago: the decision deadline has passed
        cases.save(filed("宏达机械制造有限公司", "特种作业人员未持证上岗", "97-1", 40));
        // 4 penalty proposed, waiting for the leader
        PenaltyCase proposedPenalty = filed("恒通仓储有限公司", "未在有较大危险因素的场所设置安全警示标志", "99-1", 12);
        propose(proposedPenalty, "99-1", Tier.GENERAL, "25000", null, 5);
        cases.save(proposedPenalty);
        // 5 legal review (fine at or above the line)
        PenaltyCase review = filed("金源矿业有限公司", "逾期未改正隐患排查治理记录", "97-2", 20);
        propose(review, "97-2", Tier.GENERAL, "150000", "责令停产停业整顿", 10);
        review.approveProposal(leader, at(9), "同意，提交法制审核");
        cases.save(review);
        // 6 collective discussion after legal review
        PenaltyCase discuss = filed("东方燃气有限公司", "未按规定投保安全生产责任保险", "109-1", 22);
        propose(discuss, "109-1", Tier.GENERAL, "75000", null, 12);
        discuss.approveProposal(leader, at(11), "同意");
        discuss.reviewLegally(legal, at(10), ReviewOpinion.AGREE, "事实清楚，证据确凿，裁量适当");
        cases.save(discuss);
        // 7 notified, the statement period running
        PenaltyCase notified = filed("顺达汽修厂", "未为从业人员提供符合标准的劳动防护用品", "99-1", 15);
        propose(notified, "99-1", Tier.LIGHTER, "10000", null, 6);
        notified.approveProposal(leader, at(5), "同意");
        notified.notifyParty(officer, at(1), false);
        cases.save(notified);
        // 8 hearing scheduled
        PenaltyCase hearing = filed("华北冶金有限公司", "未按规定对重大危险源登记建档", "101-2", 25);
        propose(hearing, "101-2", Tier.GENERAL, "150000", null, 16);
        hearing.approveProposal(leader, at(15), "同意");
        hearing.reviewLegally(legal, at(14), ReviewOpinion.AGREE, "同意");
        long meeting = meeting(at(13).day(), "华北冶金案集体讨论");
        hearing.discussCollectively(leader, at(13), meeting, "同意拟处罚意见");
        hearing.notifyParty(officer, at(12), true);
        hearing.requestHearing(officer, at(11), periods);
        LocalDate hearingDay = periods.calendar().addWorkingDays(at(11).day(), 9).due();
        hearing.scheduleHearing(officer, at(11), hearingDay, "周敏", periods);
        cases.save(hearing);
        // 9 decided 12 days ago, not yet served: service deadline passed
        PenaltyCase unserved = decidedCase("宏远纺织有限公司", "未按规定组织应急救援演练", "97-1", Tier.GENERAL, "40000", 30, false);
        decidedCases.add(cases.save(unserved).getId());
        // 10 executing with instalments
        PenaltyCase instalments = decidedCase("建安建筑工程有限公司", "建设项目安全设施未经验收投入使用", "98-1", Tier.LIGHTER, "200000", 40);
        instalments.approveInstalments(leader, at(20), List.of(new Instalment(days(-10), new BigDecimal("100000")),
                new Instalment(days(-40), new BigDecimal("100000"))), "当事人经营困难，申请分期");
        decidedCases.add(cases.save(instalments).getId());
        // 11 not punished: first violation
        PenaltyCase first = filed("小河湾农家乐", "未设置安全警示标志", "99-1", 18);
        first.decideNoPenalty(leader, at(8), "初次违法且危害后果轻微并及时改正（行政处罚法第三十三条第一款，首违不罚）", "当场改正");
        first.close(leader, at(7), "同意结案");
        cases.save(first);
        // 12 transferred to public security (行刑衔接), which opened a criminal case
        PenaltyCase referred = filed("利民烟花爆竹经营部", "非法储存烟花爆竹", null, 10);
        referred.referForCrime(leader, at(6), "示例市公安局东城分局", "示例市东城区人民检察院", "涉嫌非法储存爆炸物，依法移送");
        referred.recordReferralOutcome(leader, at(4), 1, cn.zhifa.casework.ReferralOutcome.ACCEPTED, "已立案侦查");
        withDocuments.add(cases.save(referred));
        // 12a transferred to the authority competent for special equipment
        PenaltyCase transfer = filed("顺达建筑劳务有限公司", "施工现场塔式起重机未经定期检验继续使用", null, 9);
        transfer.transfer(leader, at(5), "示例市东城区市场监督管理局", "塔式起重机属于特种设备，由特种设备安全监督管理部门依法查处");
        withDocuments.add(cases.save(transfer));
        // 13 一案双罚: unit and principal decided together
        dual();
        // 14 accident case: 较大事故 (3 deaths)
        accident();
        // 15 summary procedure
        ProposedCase spot = new ProposedCase(CaseSource.INSPECTION, DEMO + "spot", CaseKind.ENFORCEMENT, org, null,
                new PartySnapshot(PartyKind.UNIT, "便民超市", "91139902MA0000001P", "刘某", "东城区新村街道"),
                "疏散通道堆放杂物", "检查发现疏散通道堆放杂物", days(3), null, null, null, null);
        long spotCase = cases.save(PenaltyCase.decideOnTheSpot(spot, number(), null,
                new BigDecimal("2000"), ViolationLibrary.bundled().get("105-1"), officer, at(3), periods)).getId();
        // two cases carry the documents of all the steps they went through (立案审批表, 案件处理呈批表, 决定书, 送达回执,
        // 结案审批表; 立案审批表, 案件移送书); each rendering costs ~0.5–0.8 s on a fresh demo, so the others carry only
        // what the party received. Every decided case carries the documents the party received, issued as the procedure does: its 行政处罚决定书
        // (the case's decision number is the issued one) and, once served, the 送达回执
        long started = System.nanoTime();
        int[] issued = {0};
        List<Long> full = withDocuments.stream().map(PenaltyCase::getId).toList();
        users.findByUsername("admin").ifPresent(admin -> DemoActor.of(admin).run(() -> {
            for (long id : decidedCases) {
                var decision = procedureDocuments.issueRecordedDecision(cases.findById(id).orElseThrow());
                jdbc.sql("UPDATE penalty_case SET decision_number = :number WHERE id = :id")
                        .param("number", decision.number()).param("id", id).update();
                issued[0]++;
            }
            byte[] receiverSignature = receiverSignature();
            for (long id : decidedCases) {
                issued[0] += procedureDocuments.issueRecordedService(cases.findById(id).orElseThrow(), receiverSignature)
                        .map(d -> 1).orElse(0);
            }
            full.forEach(id -> issued[0] += procedureDocuments.issueRecorded(cases.findById(id).orElseThrow()).size());
            // the 当场处罚 case: its 行政（当场）处罚决定书, delivered on the spot (its number is the decision's 文号)
            var onTheSpot = procedureDocuments.issueRecordedOnTheSpot(cases.findById(spotCase).orElseThrow(), officer2.userId(),
                    receiverSignature);
            jdbc.sql("UPDATE penalty_case SET decision_number = :number WHERE id = :id")
                    .param("number", onTheSpot.number()).param("id", spotCase).update();
            issued[0]++;
        }));
        withDocuments.clear();
        decidedCases.clear();
        LoggerFactory.getLogger(CaseworkDemoData.class).info("演示案件文书：签发{}份，用时{} ms", issued[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The receiver's stroke on the 送达回执 (the phone's signature pad posts such a PNG). */
    private static byte[] receiverSignature() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(300, 120, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(3));
        g.drawLine(25, 85, 80, 35);
        g.drawLine(80, 35, 140, 80);
        g.drawLine(140, 80, 200, 30);
        g.drawLine(200, 30, 270, 70);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private final List<PenaltyCase> withDocuments = new java.util.ArrayList<>();
    private final List<Long> decidedCases = new java.util.ArrayList<>();

    /**
     * The document settings (address, payment account …) of the bureau the brigade issues in the name of, so the
     * demo can issue 告知书 and 决定书; an administrator edits them in 文书设置. Left alone when the bureau has settings.
     */
    private void demoDocumentSettings() {
        documents.authorityFor(org).filter(derived -> documents.authority(derived.organizationId()).isEmpty())
                .ifPresent(derived -> documents.saveAuthority(new Authority(derived.organizationId(), derived.name(),
                        derived.shortName(), derived.government(), null, derived.court(), "示例市东城区建设路1号", "139902",
                        "王明", "0311-12345678", "中国工商银行示例市东城支行", "0402 0000 1234 5678", java.util.Map.of(),
                        java.util.Map.of()), "demo"));
    }

    private void dual() {
        PartySnapshot firm = new PartySnapshot(PartyKind.UNIT, "鑫达危化品储运有限公司", "91139902MA0000002T", "孙某", "东城区龙湖镇");
        ProposedCase unitCase = new ProposedCase(CaseSource.INSPECTION, DEMO + "dual", CaseKind.ENFORCEMENT, org, null, firm,
                "危险作业未安排专门人员现场安全管理", "检查发现动火作业无专人监护", days(35), null, "101-1", null, null);
        PenaltyCase unit = PenaltyCase.propose(unitCase, number(), null, officer, at(35));
        PenaltyCase person = PenaltyCase.propose(new ProposedCase(unitCase.source(), unitCase.sourceReference(), unitCase.kind(), org,
                null, new PartySnapshot(PartyKind.PERSON, "孙某", "11010519491231002X", null, "东城区龙湖镇"),
                unitCase.title() + "（责任人员）", unitCase.facts(), unitCase.foundOn(), null, "101-3", null, null),
                number(), null, officer, at(35));
        for (PenaltyCase c : List.of(unit, person)) {
            c.nameSecondHandler(leader, officer2.userId(), officer2.name());
            c.file(leader, at(34), "同意立案");
            c.recordInvestigation(StepKind.INQUIRY, officer, at(30), "询问现场作业人员及负责人");
        }
        propose(unit, "101-1", Tier.GENERAL, "50000", null, 25);
        propose(person, "101-3", Tier.GENERAL, "30000", null, 25);
        for (PenaltyCase c : List.of(unit, person)) {
            c.approveProposal(leader, at(24), "同意");
            if (c.isLegalReviewRequired()) {
                c.reviewLegally(legal, at(23), ReviewOpinion.AGREE, "同意");
            }
        }
        long meeting = meeting(at(22).day(), "鑫达储运一案双罚集体讨论");
        for (PenaltyCase c : List.of(unit, person)) {
            if (c.isCollectiveDiscussionRequired()) {
                c.discussCollectively(leader, at(22), meeting, "同意对单位及主要负责人一并处罚");
            }
            c.notifyParty(officer, at(21), c.getFineYuan().compareTo(new BigDecimal("20000")) >= 0);
            c.recordStatement(officer, at(21), "当事人书面放弃陈述申辩和听证", true);
            c.decide(leader, at(20), "（东城）应急罚〔" + today.getYear() + "〕" + (c == unit ? "31" : "32") + "号", null, periods);
            c.serve(officer, at(19), "直接送达", "当事人签收", periods);
        }
        PenaltyCase savedUnit = cases.save(unit);
        decidedCases.add(savedUnit.getId());
        decidedCases.add(linkAndSave(savedUnit, person));
    }

    private long linkAndSave(PenaltyCase unit, PenaltyCase person) {
        PenaltyCase savedPerson = cases.save(person);
        jdbc.sql("UPDATE penalty_case SET linked_case_id = :other, version = version + 1 WHERE id = :id").param("other", savedPerson.getId()).param("id", unit.getId()).update();
        jdbc.sql("UPDATE penalty_case SET linked_case_id = :other, version = version + 1 WHERE id = :id").param("other", unit.getId()).param("id", savedPerson.getId()).update();
        // linked here without a save: the cases' fact snapshots (一案双罚) are published as a save would
        statistics.factsOf(unit.getId()).ifPresent(meetings::publishEvent);
        statistics.factsOf(savedPerson.getId()).ifPresent(meetings::publishEvent);
        return savedPerson.getId();
    }

    private void accident() {
        AccidentFacts facts = new AccidentFacts(3, 2, new BigDecimal("4200000"));
        ProposedCase p = new ProposedCase(CaseSource.ACCIDENT, DEMO + "accident", CaseKind.ACCIDENT, org, null,
                new PartySnapshot(PartyKind.UNIT, "示例市永兴化工有限公司", "91139902MA0000003X", "周某", "东城区建设街道"),
                "“9·18”较大中毒窒息事故", "受限空间作业未检测通风，造成3人死亡", days(60), "安全生产法第一百一十四条", "114-2", facts, null);
        PenaltyCase c = PenaltyCase.propose(p, number(), grading.grade(3, 2, facts.directLossYuan()), officer, at(60));
        c.nameSecondHandler(leader, officer2.userId(), officer2.name());
        c.file(leader, at(58), "同意立案");
        c.recordInvestigation(StepKind.SITE_EXAMINATION, officer, at(55), "事故现场勘验");
        c.recordInvestigation(StepKind.EVIDENCE, officer, at(50), "事故调查报告（批复）");
        c.extendDecisionPeriod(leader, at(30), "等待事故调查报告批复", periods);
        propose(c, "114-2", Tier.GENERAL, "1500000", null, 10);
        c.approveProposal(leader, at(9), "同意");
        c.reviewLegally(legal, at(8), ReviewOpinion.AGREE, "定级准确，适用第一百一十四条第一款第二项");
        long meeting = meeting(at(7).day(), "永兴化工事故处罚集体讨论");
        c.discussCollectively(leader, at(7), meeting, "同意罚款150万元");
        c.notifyParty(officer, at(2), true);
        cases.save(c);
    }

    private PenaltyCase proposed(CaseSource source, String party, String title, String code, int ago) {
        ProposedCase p = new ProposedCase(source, DEMO + party, CaseKind.ENFORCEMENT, org, null,
                new PartySnapshot(PartyKind.UNIT, party, demoUscc(party), null, "示例市东城区"), title, title, days(ago),
                "安全生产法第一百零二条", code, null, null);
        return PenaltyCase.propose(p, number(), null, officer, at(ago));
    }

    /**
     * A demo 统一社会信用代码 for a party, the same for the same name, with the GB 32100 check character, so the demo
     * decisions pass the 双公示 exchange file's validation.
     */
    static String demoUscc(String party) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91139902MA" + String.format("%07d", Math.floorMod(party.hashCode(), 10_000_000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(body.charAt(i)) * weights[i];
        }
        return body + alphabet.charAt((31 - sum % 31) % 31);
    }

    private PenaltyCase filed(String party, String title, String code, int ago) {
        PenaltyCase c = proposed(CaseSource.INSPECTION, party, title, code, ago + 1);
        c.nameSecondHandler(leader, officer2.userId(), officer2.name());
        c.file(leader, at(ago), "同意立案");
        c.recordInvestigation(StepKind.INQUIRY, officer, at(ago - 1 < 0 ? 0 : ago - 1), "询问" + party + "安全负责人，制作询问笔录");
        return c;
    }

    private void propose(PenaltyCase c, String code, Tier tier, String amount, String measures, int ago) {
        var assessment = discretion.assess(library.get(code), new DiscretionInput(tier, new BigDecimal(amount), null, null,
                null, null, c.getAccidentGrade(), false));
        var reasons = triggers.legalReviewReasons(c.getParty().kind(), assessment.amountYuan(), measures, false, assessment.outsideTier());
        c.proposePenalty(officer, at(ago), assessment, null, measures, false, reasons,
                triggers.collectiveDiscussionRequired(c.getParty().kind(), assessment.amountYuan(), measures, false));
    }

    private PenaltyCase decidedCase(String party, String title, String code, Tier tier, String amount, int ago) {
        return decidedCase(party, title, code, tier, amount, ago, true);
    }

    /** A case decided {@code ago - 18} days ago (served the next day when {@code served}). */
    private PenaltyCase decidedCase(String party, String title, String code, Tier tier, String amount, int ago, boolean served) {
        PenaltyCase c = filed(party, title, code, ago);
        propose(c, code, tier, amount, null, ago - 5);
        c.approveProposal(leader, at(ago - 6), "同意");
        if (c.isLegalReviewRequired()) {
            c.reviewLegally(legal, at(ago - 7), ReviewOpinion.AGREE, "同意");
        }
        if (c.isCollectiveDiscussionRequired()) {
            c.discussCollectively(leader, at(ago - 8), meeting(at(ago - 8).day(), party + "案集体讨论"), "同意");
        }
        c.notifyParty(officer, at(ago - 10), false);
        c.decide(leader, at(ago - 18), "（东城）应急罚〔" + at(ago - 18).day().getYear() + "〕" + (100 + ago) + "号", null, periods);
        if (served) {
            c.serve(officer, at(ago - 19), "直接送达", "当事人签收", periods);
        }
        return c;
    }

    private void pay(PenaltyCase c, LocalDate day) {
        c.recordPayment(officer, new When(day, day.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()), c.getFineYuan(),
                periods.procedure());
    }

    private long meeting(LocalDate day, String topic) {
        long id = jdbc.sql("""
                        INSERT INTO case_meeting (organization_id, held_on, topic, chair, participants, opinions, conclusion,
                                                  recorder_id, recorder_name, created_at)
                        VALUES (:org, :day, :topic, :chair, '大队长、法制员、承办人', '一致同意拟处罚意见', '同意', :recorder, :name, now())
                        RETURNING id""")
                .param("org", org).param("day", day).param("topic", topic).param("chair", leader.name())
                .param("recorder", legal.userId()).param("name", legal.name()).query(Long.class).single();
        meetings.publishEvent(new cn.zhifa.casework.MeetingHeld(id, org, day));
        return id;
    }

    private String number() {
        long n = jdbc.sql("SELECT nextval('penalty_case_number_seq')").query(Long.class).single();
        return "案〔" + today.getYear() + "〕" + "%05d".formatted(n) + "号";
    }

    private LocalDate days(int ago) {
        return today.minusDays(ago);
    }

    private When at(int ago) {
        LocalDate day = days(ago);
        return new When(day, day.atTime(9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Override
    @Transactional
    public void purge() {
        // the demo cases' documents go with them (documents purges them under its audited demo-purge flag)
        demoDocuments.purge("case", jdbc.sql("SELECT case_number FROM penalty_case WHERE source_reference LIKE 'DEMO-%'")
                .query(String.class).list());
        jdbc.sql("UPDATE penalty_case SET linked_case_id = NULL WHERE source_reference LIKE 'DEMO-%'").update();
        jdbc.sql("DELETE FROM penalty_case WHERE source_reference LIKE 'DEMO-%'").update();
        jdbc.sql("DELETE FROM case_meeting WHERE id NOT IN (SELECT meeting_id FROM penalty_case WHERE meeting_id IS NOT NULL)").update();
    }
}
