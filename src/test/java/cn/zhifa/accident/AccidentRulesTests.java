package cn.zhifa.accident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.accident.AccidentDeadline.Status;
import cn.zhifa.accident.internal.Accident;
import cn.zhifa.accident.internal.AccidentDeadlines;
import cn.zhifa.accident.internal.AccidentRules;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accident grading by 续报 and the deadlines of 条例第九至十三条、第二十九条、第三十二条 and 安全生产法第八十六条, on fixed days. */
class AccidentRulesTests {

    static final AccidentGrading GRADING = AccidentGrading.bundled();
    static final AccidentDeadlines DEADLINES = new AccidentDeadlines(AccidentRules.bundled(), LegalCalendar.bundled());
    static final LocalDateTime OCCURRED = LocalDateTime.of(2026, 3, 12, 9, 40);

    static Accident.Figures figures(int deaths, int injuries, String loss) {
        return new Accident.Figures(deaths, injuries, 0, new BigDecimal(loss));
    }

    static Accident reported(AccidentKind kind, int deaths, LocalDateTime receivedAt) {
        Accident.Figures f = figures(deaths, 1, "1800000");
        return Accident.report(1, 2, "天津市滨海新区某化工有限公司", "危险化学品", "“3·12”中毒窒息事故", OCCURRED, receivedAt,
                null, "天津市滨海新区某化工有限公司污水处理车间", kind, f,
                GRADING.grade(f.deaths(), f.seriousInjuries(), f.directLossYuan()), "清理污水池时2人中毒窒息", "张三");
    }

    static Accident investigated() {
        Accident a = reported(AccidentKind.POISONING, 2, OCCURRED.plusMinutes(40));
        a.startInvestigation("县级人民政府", LocalDate.of(2026, 3, 13), List.of(
                new Accident.TeamMember(TeamRole.LEADER, "王组长", "区应急管理局"),
                new Accident.TeamMember(TeamRole.MEMBER, "李成员", "区公安分局"),
                new Accident.TeamMember(TeamRole.EXPERT, "赵专家", "某安全评价机构")));
        return a;
    }

    static Accident submitted(LocalDate receivedOn) {
        Accident a = investigated();
        a.submitReport(receivedOn, new Accident.Findings("未执行受限空间作业审批，未检测通风", "安全管理制度不落实", true, "孙某",
                new BigDecimal("300000"), null, "对事故单位及其主要负责人给予行政处罚"),
                List.of(new Accident.Measure("开展受限空间作业专项整治", "事故发生单位", LocalDate.of(2026, 9, 30), null)));
        return a;
    }

    @Test
    void a_follow_up_with_a_third_death_regrades_the_accident_and_keeps_the_first_report() {
        Accident a = reported(AccidentKind.POISONING, 2, OCCURRED.plusMinutes(40));
        assertThat(a.grade()).isEqualTo(AccidentGrade.GENERAL);

        Accident.Figures worse = figures(3, 1, "2600000");
        a.followUp(OCCURRED.plusDays(3), worse, GRADING.grade(3, 1, worse.directLossYuan()), false, "1名重伤人员经抢救无效死亡", "张三");

        assertThat(a.grade()).isEqualTo(AccidentGrade.LARGER);
        assertThat(a.deaths()).isEqualTo(3);
        assertThat(a.reports()).extracting(Accident.Report::grade).containsExactly(AccidentGrade.GENERAL, AccidentGrade.LARGER);
        assertThat(a.reports()).extracting(Accident.Report::first).containsExactly(true, false);
        assertThat(a.reports().get(0).deaths()).isEqualTo(2);
    }

    @Test
    void a_follow_up_dated_before_the_last_report_or_after_the_approval_is_refused() {
        Accident a = reported(AccidentKind.POISONING, 2, OCCURRED.plusMinutes(40));
        assertThatThrownBy(() -> a.followUp(OCCURRED, figures(2, 1, "0"), AccidentGrade.GENERAL, false, null, "张三"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("早于");
        Accident approved = submitted(LocalDate.of(2026, 5, 6));
        approved.approve(LocalDate.of(2026, 5, 15), "同意");
        assertThatThrownBy(() -> approved.followUp(OCCURRED.plusDays(70), figures(3, 1, "0"), AccidentGrade.LARGER, true, null, "张三"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已批复");
    }

    @Test
    void the_unit_reports_within_one_hour_and_each_level_above_within_two_more_hours() {
        Accident onTime = reported(AccidentKind.POISONING, 3, OCCURRED.plusMinutes(50));
        Accident late = reported(AccidentKind.POISONING, 3, OCCURRED.plusMinutes(90));
        LocalDateTime now = OCCURRED.plusHours(2);

        assertThat(DEADLINES.schedule(onTime, now).get(0).status()).isEqualTo(Status.MET);
        assertThat(DEADLINES.schedule(late, now).get(0).status()).isEqualTo(Status.LATE);
        // 较大事故: up to the province, two levels (条例第十条), 2 hours each from the bureau's receipt (第十一条)
        assertThat(DEADLINES.levels(AccidentGrade.LARGER)).hasSize(2);
        assertThat(DEADLINES.levels(AccidentGrade.GENERAL)).hasSize(1);
        assertThat(DEADLINES.upwardDue(OCCURRED.plusMinutes(50), 1)).isEqualTo(OCCURRED.plusMinutes(170));
        assertThat(DEADLINES.upwardDue(OCCURRED.plusMinutes(50), 2)).isEqualTo(OCCURRED.plusMinutes(290));
        List<AccidentDeadline> schedule = DEADLINES.schedule(onTime, OCCURRED.plusHours(4));
        assertThat(schedule.get(1).label()).isEqualTo("上报设区的市级应急管理部门");
        assertThat(schedule.get(1).status()).isEqualTo(Status.OVERDUE);
        assertThat(schedule.get(1).due()).isEqualTo("2026-03-12 12:30");
    }

    @Test
    void casualties_change_is_reported_within_thirty_days_and_seven_for_road_traffic_and_fire() {
        assertThat(DEADLINES.supplementDue(OCCURRED.toLocalDate(), AccidentKind.POISONING).due()).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(DEADLINES.supplementDue(OCCURRED.toLocalDate(), AccidentKind.FIRE).due()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(DEADLINES.supplementDue(OCCURRED.toLocalDate(), AccidentKind.ROAD_TRAFFIC).due()).isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void the_investigation_takes_sixty_days_from_the_accident_and_may_be_extended_once_by_sixty() {
        Accident a = investigated();
        assertThat(DEADLINES.investigationDue(OCCURRED.toLocalDate(), false).due()).isEqualTo(LocalDate.of(2026, 5, 11));

        a.extendInvestigation("需进行技术鉴定，经区人民政府批准延长");

        assertThat(DEADLINES.investigationDue(OCCURRED.toLocalDate(), a.investigationExtended()).due()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThatThrownBy(() -> a.extendInvestigation("再次延长")).isInstanceOf(RuleViolation.class).hasMessageContaining("一次");
    }

    @Test
    void an_investigation_team_needs_one_leader_and_another_member() {
        Accident a = reported(AccidentKind.POISONING, 1, OCCURRED.plusMinutes(30));
        assertThatThrownBy(() -> a.startInvestigation("县级人民政府", LocalDate.of(2026, 3, 13),
                List.of(new Accident.TeamMember(TeamRole.LEADER, "王组长", null))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("至少");
        assertThatThrownBy(() -> a.startInvestigation("县级人民政府", LocalDate.of(2026, 3, 13),
                List.of(new Accident.TeamMember(TeamRole.MEMBER, "甲", null), new Accident.TeamMember(TeamRole.MEMBER, "乙", null))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("组长");
        assertThat(a.status()).isEqualTo(AccidentStatus.REPORTED);
    }

    @Test
    void the_approval_within_fifteen_days_runs_through_the_spring_festival_and_ends_on_a_holiday_unmoved() {
        // received 2026-02-10: the period runs over 春节 (2/15–2/23) and is not lengthened by it
        assertThat(DEADLINES.approvalDue(AccidentGrade.LARGER, LocalDate.of(2026, 2, 10), false).due()).isEqualTo(LocalDate.of(2026, 2, 25));
        // received 2026-09-16: the 15th day is 国庆节 2026-10-01; a limit on the government is not moved to a working day
        assertThat(DEADLINES.approvalDue(AccidentGrade.GENERAL, LocalDate.of(2026, 9, 16), false).due()).isEqualTo(LocalDate.of(2026, 10, 1));
        // 特别重大: 30 days, extendable once by at most 30
        assertThat(DEADLINES.approvalDue(AccidentGrade.EXTRAORDINARY, LocalDate.of(2026, 2, 10), false).due()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(DEADLINES.approvalDue(AccidentGrade.EXTRAORDINARY, LocalDate.of(2026, 2, 10), true).due()).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(DEADLINES.approvalExtendable(AccidentGrade.MAJOR)).isFalse();
    }

    @Test
    void a_late_approval_is_shown_late_and_an_ordinary_accident_cannot_extend_its_approval() {
        Accident a = submitted(LocalDate.of(2026, 5, 6));
        assertThatThrownBy(() -> a.extendApproval(DEADLINES.approvalExtendable(a.grade()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("特别重大");
        a.approve(LocalDate.of(2026, 5, 25), "同意调查报告");
        AccidentDeadline approval = DEADLINES.schedule(a, LocalDateTime.of(2026, 5, 26, 9, 0)).stream()
                .filter(d -> d.label().startsWith("批复")).findFirst().orElseThrow();
        assertThat(approval.due()).isEqualTo("2026-05-21");
        assertThat(approval.status()).isEqualTo(Status.LATE);
    }

    @Test
    void the_evaluation_follows_the_approval_within_a_year() {
        Accident a = submitted(LocalDate.of(2026, 5, 6));
        assertThatThrownBy(() -> a.evaluate(LocalDate.of(2026, 5, 7), "已落实")).isInstanceOf(RuleViolation.class);
        a.approve(LocalDate.of(2026, 5, 15), "同意");
        assertThat(DEADLINES.evaluationDue(a.approvedOn()).due()).isEqualTo(LocalDate.of(2027, 5, 15));
        a.completeMeasure(0, LocalDate.of(2026, 8, 1));
        a.evaluate(LocalDate.of(2027, 4, 20), "整改和防范措施已全部落实");
        assertThat(a.status()).isEqualTo(AccidentStatus.EVALUATED);
        assertThat(DEADLINES.schedule(a, LocalDateTime.of(2027, 4, 21, 9, 0)).get(DEADLINES.schedule(a, LocalDateTime.of(2027, 4, 21, 9, 0)).size() - 1).status())
                .isEqualTo(Status.MET);
    }

    @Test
    void larger_accidents_and_above_are_supervised_by_the_higher_level() {
        assertThat(DEADLINES.supervisedBy(AccidentGrade.GENERAL)).isNull();
        assertThat(DEADLINES.supervisedBy(AccidentGrade.LARGER)).isNotBlank();
        assertThat(DEADLINES.investigationBody(AccidentGrade.LARGER)).isEqualTo("设区的市级人民政府");
    }
}
