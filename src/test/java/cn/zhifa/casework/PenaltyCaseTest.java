package cn.zhifa.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PenaltyCaseTest {

    static final CasePeriods PERIODS = CasePeriods.bundled();
    static final DiscretionEngine ENGINE = DiscretionEngine.bundled();
    static final ViolationLibrary LIBRARY = ViolationLibrary.bundled();
    static final Acting OFFICER = new Acting(1, "张伟", Set.of(Role.OFFICER));
    static final Acting LEADER = new Acting(2, "李强", Set.of(Role.LEADER, Role.OFFICER));
    static final Acting LEGAL = new Acting(3, "王芳", Set.of(Role.LEGAL));
    static final PartySnapshot FIRM = new PartySnapshot(PartyKind.UNIT, "示例化工有限公司", "91350100M000100Y43", "赵某", "示例市东城区");

    static When on(String day) {
        return new When(LocalDate.parse(day), Instant.parse(day + "T02:00:00Z"));
    }

    static PenaltyCase proposed() {
        return PenaltyCase.propose(new ProposedCase(CaseSource.INSPECTION, "检查#1", CaseKind.ENFORCEMENT, 10L, 5L, FIRM,
                "未如实记录隐患排查治理情况", "现场检查发现……", LocalDate.parse("2026-01-05"), null, null, null, null),
                "案〔2026〕00001号", null, OFFICER, on("2026-01-05"));
    }

    static DiscretionAssessment assess(String code, Tier tier, String amount, String reason) {
        return ENGINE.assess(LIBRARY.get(code), DiscretionInput.of(tier, new BigDecimal(amount)).withReason(reason));
    }

    /** Filed, investigated, proposed at 2万 (below the review line), approved: ready for notice. */
    static PenaltyCase approved() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-01-06"), "同意立案");
        c.recordInvestigation(StepKind.INQUIRY, OFFICER, on("2026-01-07"), "询问安全管理员，制作询问笔录");
        c.proposePenalty(OFFICER, on("2026-01-20"), assess("102-1", Tier.GENERAL, "20000", null), null, null, false, List.of(), false);
        c.approveProposal(LEADER, on("2026-01-21"), "同意");
        return c;
    }

    @Test
    void only_a_leader_may_approve_the_filing_and_the_refusal_changes_nothing() {
        PenaltyCase c = proposed();
        assertThatThrownBy(() -> c.file(OFFICER, on("2026-01-06"), null))
                .isInstanceOf(RuleViolation.class).hasMessage("立案审批须由" + Role.LEADER.label() + "作出。");
        assertThat(c.getStage()).isEqualTo(CaseStage.PROPOSED);
        assertThat(c.getSteps()).hasSize(1);
        c.file(LEADER, on("2026-01-06"), "同意立案");
        assertThat(c.getStage()).isEqualTo(CaseStage.FILED);
        assertThat(c.getFiledOn()).isEqualTo(LocalDate.parse("2026-01-06"));
        assertThat(c.lastStep(StepKind.FILED).orElseThrow().actorName()).isEqualTo("李强");
    }

    @Test
    void a_second_filing_approval_is_refused_as_out_of_order() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-01-06"), null);
        assertThatThrownBy(() -> c.file(LEADER, on("2026-01-06"), null)).hasMessageContaining("不能立案");
    }

    @Test
    void a_penalty_cannot_be_proposed_before_any_investigation_is_recorded() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-01-06"), null);
        assertThatThrownBy(() -> c.proposePenalty(OFFICER, on("2026-01-08"), assess("102-1", Tier.GENERAL, "20000", null),
                null, null, false, List.of(), false)).hasMessageContaining("尚无调查取证记录");
        assertThat(c.getStage()).isEqualTo(CaseStage.FILED);
    }

    @Test
    void a_decision_before_the_notice_is_refused_with_the_legal_reason() {
        PenaltyCase c = approved();
        assertThatThrownBy(() -> c.decide(LEADER, on("2026-02-02"), "罚〔2026〕1号", null, PERIODS))
                .hasMessageContaining("尚未履行行政处罚告知程序");
        assertThat(c.getDecidedOn()).isNull();
    }

    @Test
    void the_statement_period_counts_the_spring_festival_make_up_saturday_and_skips_the_holiday() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-02-12"), false);
        // 2/13 Fri, 2/14 Sat (调休上班), then 2/15–2/23 off: the third working day is Tue 2/24.
        assertThat(PERIODS.statementDue(c.getNotifiedOn()).due()).isEqualTo(LocalDate.parse("2026-02-24"));
        assertThatThrownBy(() -> c.decide(LEADER, on("2026-02-24"), "罚〔2026〕1号", null, PERIODS))
                .hasMessageContaining("陈述申辩期限至2026-02-24届满");
        c.decide(LEADER, on("2026-02-25"), "罚〔2026〕1号", null, PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.DECIDED);
    }

    @Test
    void a_written_waiver_allows_an_immediate_decision_but_never_a_heavier_one() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-03-02"), false);
        c.recordStatement(OFFICER, on("2026-03-02"), "无异议", true);
        assertThatThrownBy(() -> c.decide(LEADER, on("2026-03-02"), "罚〔2026〕2号", new BigDecimal("25000"), PERIODS))
                .hasMessageContaining("第四十五条");
        c.decide(LEADER, on("2026-03-02"), "罚〔2026〕2号", new BigDecimal("18000"), PERIODS);
        assertThat(c.getFineYuan()).isEqualByComparingTo("18000");
    }

    @Test
    void a_hearing_request_after_five_working_days_is_refused() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-02-12"), true);
        assertThat(PERIODS.hearingRequestDue(c.getNotifiedOn()).due()).isEqualTo(LocalDate.parse("2026-02-26"));
        assertThatThrownBy(() -> c.requestHearing(OFFICER, on("2026-02-27"), PERIODS)).hasMessageContaining("听证申请期限已于2026-02-26届满");
        c.requestHearing(OFFICER, on("2026-02-26"), PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.HEARING_REQUESTED);
    }

    @Test
    void the_hearing_notice_must_precede_the_hearing_by_seven_working_days_and_the_hearing_forces_legal_review() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-09-21"), true);
        c.requestHearing(OFFICER, on("2026-09-22"), PERIODS);
        // National Day: 9/25–9/27 and 10/1–10/7 off, 9/20 and 10/10 make-up workdays.
        assertThatThrownBy(() -> c.scheduleHearing(OFFICER, on("2026-09-28"), LocalDate.parse("2026-10-09"), "周敏", PERIODS))
                .hasMessageContaining("最迟应于");
        assertThatThrownBy(() -> c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "张伟", PERIODS))
                .hasMessageContaining("不得由本案调查人员担任");
        c.scheduleHearing(OFFICER, on("2026-09-22"), LocalDate.parse("2026-10-09"), "周敏", PERIODS);
        assertThatThrownBy(() -> c.decide(LEADER, on("2026-10-09"), "罚〔2026〕3号", null, PERIODS)).hasMessageContaining("已申请听证");
        c.holdHearing(OFFICER, on("2026-10-09"), "当事人称已整改", "维持原拟处罚意见");
        assertThat(c.getStage()).isEqualTo(CaseStage.LEGAL_REVIEW);
        assertThat(c.getLegalReviewReasons()).contains("经过听证程序");
        assertThatThrownBy(() -> c.reviewLegally(LEADER, on("2026-10-10"), ReviewOpinion.AGREE, null)).hasMessageContaining("法制审核须由");
        c.reviewLegally(LEGAL, on("2026-10-10"), ReviewOpinion.AGREE, null);
        assertThat(c.getStage()).isEqualTo(CaseStage.DECISION_PENDING);
        c.decide(LEADER, on("2026-10-12"), "罚〔2026〕3号", null, PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.DECIDED);
    }

    @Test
    void a_legal_reviewer_who_returns_the_proposal_must_say_why_and_the_case_goes_back_to_investigation() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-01-06"), null);
        c.recordInvestigation(StepKind.EVIDENCE, OFFICER, on("2026-01-07"), "现场照片3张");
        c.proposePenalty(OFFICER, on("2026-01-08"), assess("102-1", Tier.HEAVIER, "48000", null), null, null, false,
                List.of("罚款达到5万元以上"), true);
        c.approveProposal(LEADER, on("2026-01-09"), null);
        assertThat(c.getStage()).isEqualTo(CaseStage.LEGAL_REVIEW);
        assertThatThrownBy(() -> c.reviewLegally(LEGAL, on("2026-01-10"), ReviewOpinion.RETURN, " ")).hasMessageContaining("须写明理由");
        c.reviewLegally(LEGAL, on("2026-01-10"), ReviewOpinion.RETURN, "证据不足");
        assertThat(c.getStage()).isEqualTo(CaseStage.FILED);
    }

    @Test
    void service_within_seven_working_days_across_national_day_and_payment_fifteen_days_after_service() {
        assertThat(PERIODS.serviceDue(LocalDate.parse("2026-09-28")).due()).isEqualTo(LocalDate.parse("2026-10-13"));
        assertThat(PERIODS.paymentDue(LocalDate.parse("2026-09-16")).due()).isEqualTo(LocalDate.parse("2026-10-08"));
    }

    @Test
    void the_surcharge_is_three_percent_a_day_suspended_during_reconsideration_and_capped_at_the_fine() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-03-02"), false);
        c.recordStatement(OFFICER, on("2026-03-02"), "放弃", true);
        c.decide(LEADER, on("2026-03-02"), "罚〔2026〕4号", null, PERIODS);
        c.serve(OFFICER, on("2026-03-03"), "直接送达", "当事人签收", PERIODS);
        LocalDate due = c.getInstalments().get(0).dueOn();
        assertThat(due).isEqualTo(LocalDate.parse("2026-03-18"));
        var rules = PERIODS.procedure();
        assertThat(c.surchargeOn(due, rules)).isEqualByComparingTo("0");
        assertThat(c.surchargeOn(due.plusDays(2), rules)).isEqualByComparingTo("1200"); // 20000 × 3 % × 2
        c.startReviewOrLitigation(OFFICER, on("2026-03-20"), "当事人申请行政复议");
        c.endReviewOrLitigation(OFFICER, on("2026-03-30"), "复议维持");
        assertThat(c.surchargeOn(LocalDate.parse("2026-03-30"), rules)).isEqualByComparingTo("1200");
        assertThat(c.surchargeOn(LocalDate.parse("2026-12-31"), rules)).isEqualByComparingTo("20000");
        assertThatThrownBy(() -> c.recordPayment(OFFICER, on("2026-03-31"), new BigDecimal("30000"), rules))
                .hasMessageContaining("超过应缴金额21800");
        c.recordPayment(OFFICER, on("2026-03-31"), new BigDecimal("21800"), rules);
        assertThat(c.getStage()).isEqualTo(CaseStage.EXECUTED);
    }

    static PenaltyCase servedOn3March() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-03-02"), false);
        c.recordStatement(OFFICER, on("2026-03-02"), "放弃", true);
        c.decide(LEADER, on("2026-03-02"), "罚〔2026〕5号", null, PERIODS);
        c.serve(OFFICER, on("2026-03-03"), "直接送达", "签收", PERIODS);
        return c;
    }

    @Test
    void court_enforcement_only_when_allowed_ten_working_days_after_the_reminder_alone_is_not_enough() {
        PenaltyCase c = servedOn3March();
        assertThatThrownBy(() -> c.remind(OFFICER, on("2026-03-10"))).hasMessageContaining("尚未逾期");
        c.remind(OFFICER, on("2026-03-20"));
        // 10 working days after the 催告 have passed, but the 6-month 诉讼 period runs until 2026-09-03
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-04-07"), "东城区人民法院", PERIODS))
                .hasMessageContaining("提起行政诉讼的期限至2026-09-03").hasMessageContaining("行政强制法第五十三条");
        assertThat(c.unchallengedAfterPeriods(LocalDate.parse("2026-04-07"), PERIODS)).isFalse();
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-09-03"), "东城区人民法院", PERIODS))
                .hasMessageContaining("届满前不能申请");
        c.applyForEnforcement(LEADER, on("2026-09-04"), "东城区人民法院", PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.ENFORCEMENT_APPLIED);
        assertThat(c.unchallengedAfterPeriods(LocalDate.parse("2026-09-04"), PERIODS)).isTrue();
    }

    @Test
    void court_enforcement_only_when_allowed_needs_the_reminder_and_ten_working_days_after_it() {
        PenaltyCase c = servedOn3March();
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-09-10"), "东城区人民法院", PERIODS)).hasMessageContaining("事先催告");
        c.remind(OFFICER, on("2026-09-07"));
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-09-10"), "东城区人民法院", PERIODS)).hasMessageContaining("十个工作日");
    }

    @Test
    void the_decision_served_on_the_recorded_day_starts_payment_and_court_enforcement_from_that_day() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-03-02"), false);
        c.recordStatement(OFFICER, on("2026-03-02"), "放弃", true);
        c.decide(LEADER, on("2026-03-02"), "罚〔2026〕6号", null, PERIODS);
        assertThatThrownBy(() -> c.serve(OFFICER, on("2026-03-01"), "邮寄送达", "张某，邮件号码EMS1", PERIODS))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于作出决定之日（2026-03-02）");
        assertThat(c.getServedOn()).isNull();
        // recorded later in the service ledger: the day on the postal receipt is the case's service day
        c.serve(OFFICER, on("2026-03-09"), "邮寄送达", "张某，邮件号码EMS1", PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.EXECUTING);
        assertThat(c.getServedOn()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(c.lastStep(StepKind.SERVED).orElseThrow().occurredOn()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(c.getInstalments().get(0).dueOn()).isEqualTo(PERIODS.paymentDue(LocalDate.parse("2026-03-09")).due());
        assertThat(c.enforceableFrom(PERIODS)).isEqualTo(PERIODS.challengeEnds(LocalDate.parse("2026-03-09"), false).due())
                .isAfter(PERIODS.challengeEnds(LocalDate.parse("2026-03-02"), false).due());
    }

    @Test
    void the_ten_days_before_the_court_application_run_from_the_day_the_reminder_was_served() {
        PenaltyCase c = servedOn3March();
        c.remind(OFFICER, on("2026-09-07"));
        assertThatThrownBy(() -> c.reminderServed(LocalDate.parse("2026-09-06"))).hasMessageContaining("不能早于催告之日（2026-09-07）");
        c.reminderServed(LocalDate.parse("2026-09-14"));
        assertThat(c.getReminderServedOn()).isEqualTo(LocalDate.parse("2026-09-14"));
        LocalDate issuedWait = PERIODS.reminderWaitEnds(LocalDate.parse("2026-09-07")).due();
        LocalDate servedWait = PERIODS.reminderWaitEnds(LocalDate.parse("2026-09-14")).due();
        assertThat(servedWait).isAfter(issuedWait.plusDays(1));
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on(issuedWait.plusDays(1).toString()), "东城区人民法院", PERIODS))
                .hasMessageContaining("催告书于2026-09-14送达").hasMessageContaining("至" + servedWait).hasMessageContaining("第五十四条");
        assertThat(c.mayApplyForEnforcement(LEADER, servedWait, PERIODS).refused()).isTrue();
        c.applyForEnforcement(LEADER, on(servedWait.plusDays(1).toString()), "东城区人民法院", PERIODS);
        assertThat(c.getStage()).isEqualTo(CaseStage.ENFORCEMENT_APPLIED);
        c.reminderServed(LocalDate.parse("2026-10-30")); // after the application it changes nothing
        assertThat(c.getReminderServedOn()).isEqualTo(LocalDate.parse("2026-09-14"));
    }

    @Test
    void court_enforcement_only_when_allowed_within_three_months_after_the_periods_lapsed() {
        PenaltyCase c = servedOn3March();
        c.remind(OFFICER, on("2026-03-20"));
        // 2026-09-03 + 3 months = 2026-12-03, not moved off rest days
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-12-04"), "东城区人民法院", PERIODS))
                .hasMessageContaining("已于2026-12-03届满").hasMessageContaining("第一百五十六条");
        c.applyForEnforcement(LEADER, on("2026-12-03"), "东城区人民法院", PERIODS);
    }

    @Test
    void court_enforcement_only_when_allowed_not_while_a_challenge_is_pending() {
        PenaltyCase c = servedOn3March();
        c.remind(OFFICER, on("2026-03-20"));
        c.startReviewOrLitigation(OFFICER, on("2026-04-01"), "当事人申请行政复议");
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-09-10"), "东城区人民法院", PERIODS))
                .hasMessageContaining("复议或诉讼期间不能申请");
        c.endReviewOrLitigation(OFFICER, on("2026-10-10"), "复议维持");
        assertThat(c.unchallengedAfterPeriods(LocalDate.parse("2026-10-20"), PERIODS)).isFalse();
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-10-10"), "东城区人民法院", PERIODS))
                .hasMessageContaining("2026-10-10终结");
    }

    @Test
    void court_enforcement_only_when_allowed_after_the_last_instalment() {
        PenaltyCase c = servedOn3March();
        c.approveInstalments(LEADER, on("2026-03-05"), List.of(new Instalment(LocalDate.parse("2026-06-30"), new BigDecimal("10000")),
                new Instalment(LocalDate.parse("2026-10-30"), new BigDecimal("10000"))), "经营困难");
        c.remind(OFFICER, on("2026-07-01"));
        assertThatThrownBy(() -> c.applyForEnforcement(LEADER, on("2026-09-10"), "东城区人民法院", PERIODS))
                .hasMessageContaining("第七十二条第二款").hasMessageContaining("2026-10-30");
        c.applyForEnforcement(LEADER, on("2026-11-02"), "东城区人民法院", PERIODS);
    }

    @Test
    void the_summary_procedure_is_refused_above_the_article_51_limit() {
        ProposedCase p = new ProposedCase(CaseSource.INSPECTION, null, CaseKind.ENFORCEMENT, 10L, 5L, FIRM, "未设置安全警示标志",
                null, null, null, null, null, null);
        assertThatThrownBy(() -> PenaltyCase.decideOnTheSpot(p, "案1", "当罚1", new BigDecimal("3001"), LIBRARY.get("99-1"), OFFICER,
                on("2026-03-02"), PERIODS)).hasMessageContaining("3000元以下");
        PenaltyCase c = PenaltyCase.decideOnTheSpot(p, "案1", "当罚1", new BigDecimal("3000"), LIBRARY.get("99-1"), OFFICER, on("2026-03-02"), PERIODS);
        assertThat(c.getProcedureKind()).isEqualTo(ProcedureKind.SUMMARY);
        assertThat(c.getStage()).isEqualTo(CaseStage.EXECUTING);
    }

    static final PartySnapshot PRINCIPAL = new PartySnapshot(PartyKind.PERSON, "赵某", "11010519491231002X", null, "示例市东城区");

    @Test
    void on_the_spot_penalties_a_fine_outside_the_violated_articles_range_is_refused() {
        ProposedCase p = new ProposedCase(CaseSource.INSPECTION, null, CaseKind.ENFORCEMENT, 10L, 5L, PRINCIPAL, "主要负责人未履行职责",
                null, null, null, null, null, null);
        // 94-1: 主要负责人 2万元以上5万元以下 — a 200 元 on-the-spot fine is not a lawful penalty under it
        assertThatThrownBy(() -> PenaltyCase.decideOnTheSpot(p, "案1", "当罚1", new BigDecimal("200"), LIBRARY.get("94-1"), OFFICER,
                on("2026-03-02"), PERIODS)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("第九十四条").hasMessageContaining("20000元以上50000元以下").hasMessageContaining("不在法定幅度内");
    }

    @Test
    void on_the_spot_penalties_a_zero_fine_is_refused_where_the_article_provides_no_warning() {
        ProposedCase p = new ProposedCase(CaseSource.INSPECTION, null, CaseKind.ENFORCEMENT, 10L, 5L, FIRM, "未设置安全警示标志",
                null, null, null, null, null, null);
        assertThatThrownBy(() -> PenaltyCase.decideOnTheSpot(p, "案1", "当罚1", BigDecimal.ZERO, LIBRARY.get("99-1"), OFFICER,
                on("2026-03-02"), PERIODS)).hasMessageContaining("未规定警告").hasMessageContaining("不予行政处罚");
        assertThat(PenaltyCase.mayDecideOnTheSpot(PartyKind.UNIT, new BigDecimal("500"), LIBRARY.get("99-1"), PERIODS.procedure()).allowed())
                .isTrue();
    }

    @Test
    void on_the_spot_penalties_collection_on_the_spot_only_for_100_yuan_or_a_stated_ground() {
        var rules = PERIODS.procedure();
        assertThat(OnTheSpotCollection.mayCollect(new BigDecimal("100"), OnTheSpotCollection.SMALL_FINE, rules).allowed()).isTrue();
        assertThat(OnTheSpotCollection.mayCollect(new BigDecimal("101"), OnTheSpotCollection.SMALL_FINE, rules).reason())
                .contains("第六十八条第一项");
        assertThat(OnTheSpotCollection.mayCollect(new BigDecimal("2000"), null, rules).reason()).contains("第六十九条");
        assertThat(OnTheSpotCollection.mayCollect(new BigDecimal("2000"), OnTheSpotCollection.REMOTE_AREA_ON_REQUEST, rules)
                .allowed()).isTrue();
    }

    @Test
    void instalments_must_add_up_to_the_fine_and_late_parts_carry_their_own_surcharge() {
        PenaltyCase c = approved();
        c.notifyParty(OFFICER, on("2026-03-02"), false);
        c.recordStatement(OFFICER, on("2026-03-02"), "放弃", true);
        c.decide(LEADER, on("2026-03-02"), "罚〔2026〕6号", null, PERIODS);
        c.serve(OFFICER, on("2026-03-03"), "直接送达", "签收", PERIODS);
        assertThatThrownBy(() -> c.approveInstalments(LEADER, on("2026-03-05"), List.of(
                new Instalment(LocalDate.parse("2026-03-31"), new BigDecimal("10000")),
                new Instalment(LocalDate.parse("2026-04-30"), new BigDecimal("9000"))), "经营困难")).hasMessageContaining("不符");
        assertThatThrownBy(() -> c.approveInstalments(OFFICER, on("2026-03-05"), List.of(), "x")).hasMessageContaining("须由");
        c.approveInstalments(LEADER, on("2026-03-05"), List.of(
                new Instalment(LocalDate.parse("2026-03-31"), new BigDecimal("10000")),
                new Instalment(LocalDate.parse("2026-04-30"), new BigDecimal("10000"))), "经营困难");
        var rules = PERIODS.procedure();
        c.recordPayment(OFFICER, on("2026-03-31"), new BigDecimal("10000"), rules);
        assertThat(c.surchargeOn(LocalDate.parse("2026-05-02"), rules)).isEqualByComparingTo("600"); // 10000 × 3 % × 2
        c.recordPayment(OFFICER, on("2026-05-02"), new BigDecimal("10600"), rules);
        assertThat(c.getStage()).isEqualTo(CaseStage.EXECUTED);
    }

    @Test
    void revocation_and_transfer_need_a_leader_and_a_reason_and_end_the_case() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-01-06"), null);
        assertThatThrownBy(() -> c.transfer(OFFICER, on("2026-01-07"), "示例市东城区市场监督管理局", "特种设备")).hasMessageContaining("须由");
        assertThatThrownBy(() -> c.transfer(LEADER, on("2026-01-07"), "示例市东城区市场监督管理局", "")).hasMessageContaining("移送理由");
        c.transfer(LEADER, on("2026-01-07"), "示例市东城区市场监督管理局", "塔式起重机属于特种设备");
        assertThat(c.getStage()).isEqualTo(CaseStage.TRANSFERRED);
        assertThat(c.isCriminalTransfer()).as("only an accepted 行刑衔接 referral is a criminal transfer").isFalse();
        assertThatThrownBy(() -> c.revokeFiling(LEADER, on("2026-01-08"), "x")).hasMessageContaining("不能撤销立案");
    }

    @Test
    void the_decision_period_is_thirty_days_from_filing_and_extends_twice_at_most() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-03-02"), null);
        assertThat(PERIODS.decisionDue(c.getFiledOn(), 0).due()).isEqualTo(LocalDate.parse("2026-04-01"));
        c.extendDecisionPeriod(LEADER, on("2026-03-25"), "需补充鉴定", PERIODS);
        c.extendDecisionPeriod(LEADER, on("2026-05-25"), "案情复杂", PERIODS);
        assertThat(PERIODS.decisionDue(c.getFiledOn(), c.getDecisionExtensions()).due()).isEqualTo(LocalDate.parse("2026-08-29"));
        assertThatThrownBy(() -> c.extendDecisionPeriod(LEADER, on("2026-08-01"), "再延", PERIODS)).hasMessageContaining("不能再延长");
    }

    @Test
    void illegal_gains_found_are_confiscated_with_the_penalty_article_28_paragraph_2() {
        PenaltyCase c = proposed();
        c.file(LEADER, on("2026-03-02"), null);
        c.recordInvestigation(StepKind.INQUIRY, OFFICER, on("2026-03-03"), "询问，出租仓库收取租金8000元");
        assertThatThrownBy(() -> c.proposePenalty(OFFICER, on("2026-03-04"), assess("103-4", Tier.GENERAL, "20000", null), null, null,
                false, List.of(), false, new BigDecimal("-1"))).hasMessageContaining("违法所得不能为负数");
        c.proposePenalty(OFFICER, on("2026-03-04"), assess("103-4", Tier.GENERAL, "20000", null), null, null, false, List.of(), false,
                new BigDecimal("8000"));
        assertThat(c.getConfiscatedGainsYuan()).isEqualByComparingTo("8000");
        assertThat(c.lastStep(StepKind.PENALTY_PROPOSED).orElseThrow().opinion()).contains("罚款20000元，没收违法所得8000元");
    }

    @Test
    void the_limitation_of_article_36_refuses_filing_an_act_discovered_more_than_two_years_later() {
        PenaltyCase c = proposed(); // discovered (proposed) on 2026-01-05
        c.recordAct(LocalDate.parse("2024-01-04"), null, false, LocalDate.parse("2026-01-05"));
        assertThat(c.mayFile(LEADER, PERIODS).reason()).contains("二年内未被发现").contains("2026-01-04").contains("第三十六条");
        c.recordAct(LocalDate.parse("2024-01-05"), null, false, LocalDate.parse("2026-01-05"));
        assertThat(c.mayFile(LEADER, PERIODS).allowed()).isTrue();
    }

    @Test
    void the_limitation_of_article_36_runs_from_the_end_of_a_continuing_act_and_is_five_years_for_life_and_health() {
        PenaltyCase c = proposed();
        c.recordAct(LocalDate.parse("2020-06-01"), LocalDate.parse("2024-06-01"), false, LocalDate.parse("2026-01-05"));
        assertThat(c.mayFile(LEADER, PERIODS).allowed()).isTrue();
        c.recordAct(LocalDate.parse("2022-01-01"), null, true, LocalDate.parse("2026-01-05"));
        assertThat(c.mayFile(LEADER, PERIODS).allowed()).isTrue();
        c.recordAct(LocalDate.parse("2020-01-04"), null, true, LocalDate.parse("2026-01-05"));
        assertThat(c.mayFile(LEADER, PERIODS).reason()).contains("五年内未被发现");
        assertThatThrownBy(() -> c.recordAct(LocalDate.parse("2026-02-01"), null, false, LocalDate.parse("2026-01-05")))
                .hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> c.recordAct(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-01"), false,
                LocalDate.parse("2026-01-05"))).hasMessageContaining("不能早于发生日期");
    }

    @Test
    void one_act_is_not_fined_twice_article_29_names_the_earlier_case() {
        PenaltyCase earlier = approved();
        earlier.recordAct(LocalDate.parse("2025-12-20"), null, false, LocalDate.parse("2026-01-21"));
        earlier.notifyParty(OFFICER, on("2026-03-02"), false);
        earlier.recordStatement(OFFICER, on("2026-03-02"), "放弃", true);
        earlier.decide(LEADER, on("2026-03-02"), "罚〔2026〕5号", null, PERIODS);
        PenaltyCase again = approved();
        again.recordAct(LocalDate.parse("2025-12-20"), null, false, LocalDate.parse("2026-01-21"));
        assertThat(again.notFinedTwice(List.of(earlier)).reason()).contains("案〔2026〕00001号").contains("罚〔2026〕5号")
                .contains("第二十九条");
        again.recordAct(LocalDate.parse("2025-12-21"), null, false, LocalDate.parse("2026-01-21"));
        assertThat(again.notFinedTwice(List.of(earlier)).allowed()).isTrue();
    }
}
