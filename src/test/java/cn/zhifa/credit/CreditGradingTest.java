package cn.zhifa.credit;

import cn.zhifa.credit.internal.CreditFact;
import cn.zhifa.credit.internal.CreditGrading;
import cn.zhifa.credit.internal.CreditRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CreditGradingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate V1 = LocalDate.of(2023, 10, 1);
    static final LocalDate V2 = LocalDate.of(2026, 7, 1);

    static final List<CreditRule> TABLE = List.of(
            rule(V1, 10, "列入严重失信主体名单", "严重失信", 36, true, null, null, null, null, null),
            rule(V1, 20, "近三年发生生产安全事故", "较差", 36, null, 1, null, null, null, null),
            rule(V1, 30, "近三年重大事故隐患逾期未整改", "较差", 36, null, null, null, null, null, 1),
            rule(V1, 40, "近三年罚款累计 10 万元以上", "较差", 36, null, null, null, new BigDecimal("100000"), null, null),
            rule(V1, 50, "近三年受过行政处罚", "一般", 36, null, null, 1, null, null, null),
            rule(V1, 99, "其他企业", "良好", 36, null, null, null, null, null, null),
            // a later version: one penalty in the last 12 months is already 较差
            rule(V2, 10, "近一年受过行政处罚", "较差", 12, null, null, 1, null, null, null),
            rule(V2, 99, "其他企业", "良好", 36, null, null, null, null, null, null));

    static CreditRule rule(LocalDate from, int priority, String name, String grade, int months, Boolean listed, Integer accidents,
                           Integer penalties, BigDecimal fine, Integer majorHazards, Integer overdue) {
        return new CreditRule((long) (priority + from.getYear()), from, priority, name, grade, months, listed, accidents, penalties,
                fine, majorHazards, overdue);
    }

    static CreditFact penalty(LocalDate on, String fine) {
        return new CreditFact(1, CreditFact.Kind.PENALTY, "case:" + on, on, new BigDecimal(fine), null, "（东城）应急罚〔" + on.getYear() + "〕1号");
    }

    @Test
    void a_firm_without_facts_gets_the_last_row_of_the_table_in_force() {
        CreditStanding s = CreditGrading.grade(1, List.of(), false, TABLE, TODAY);

        assertThat(s.grade()).isEqualTo("良好");
        assertThat(s.ruleName()).isEqualTo("其他企业");
        assertThat(s.recentPenalties()).isZero();
    }

    @Test
    void the_first_matching_row_decides_and_its_facts_are_the_reasons() {
        CreditStanding s = CreditGrading.grade(1, List.of(penalty(LocalDate.of(2025, 3, 1), "30000")), false, TABLE, TODAY);

        assertThat(s.grade()).isEqualTo("一般");
        assertThat(s.reasons()).anySatisfy(r -> assertThat(r).contains("近三年受过行政处罚"))
                .anySatisfy(r -> assertThat(r).contains("2025-03-01 行政处罚").contains("应急罚〔2025〕1号"));
        assertThat(s.recentPenalties()).isEqualTo(1);
        assertThat(s.recentFinesYuan()).isEqualByComparingTo("30000");
    }

    @Test
    void fines_add_up_within_the_look_back_to_reach_the_threshold() {
        List<CreditFact> facts = List.of(penalty(LocalDate.of(2024, 1, 10), "60000"), penalty(LocalDate.of(2026, 1, 10), "40000"));

        assertThat(CreditGrading.grade(1, facts, false, TABLE, TODAY).grade()).isEqualTo("较差");
    }

    @Test
    void facts_older_than_the_look_back_no_longer_count() {
        List<CreditFact> facts = List.of(penalty(LocalDate.of(2023, 6, 14), "200000"));

        CreditStanding s = CreditGrading.grade(1, facts, false, TABLE, TODAY);

        assertThat(s.grade()).isEqualTo("良好");
        assertThat(s.recentPenalties()).isZero();
    }

    @Test
    void facts_after_the_day_are_not_yet_known() {
        List<CreditFact> facts = List.of(penalty(TODAY.plusDays(1), "200000"));

        assertThat(CreditGrading.grade(1, facts, false, TABLE, TODAY).grade()).isEqualTo("良好");
    }

    @Test
    void an_accident_or_an_overdue_major_hazard_makes_the_grade_poor() {
        CreditFact accident = new CreditFact(1, CreditFact.Kind.ACCIDENT, "case:9", LocalDate.of(2025, 5, 1), null, "LARGER", "较大事故");
        CreditFact overdue = new CreditFact(1, CreditFact.Kind.MAJOR_HAZARD_OVERDUE, "hazard:3:2026-01-01", LocalDate.of(2026, 1, 2),
                null, null, "储罐区未设置紧急切断装置");

        assertThat(CreditGrading.grade(1, List.of(accident), false, TABLE, TODAY).grade()).isEqualTo("较差");
        assertThat(CreditGrading.grade(1, List.of(accident), false, TABLE, TODAY).recentAccidents()).isEqualTo(1);
        assertThat(CreditGrading.grade(1, List.of(overdue), false, TABLE, TODAY).grade()).isEqualTo("较差");
    }

    @Test
    void a_listed_firm_is_seriously_dishonest_whatever_its_other_facts() {
        CreditStanding s = CreditGrading.grade(1, List.of(), true, TABLE, TODAY);

        assertThat(s.grade()).isEqualTo("严重失信");
        assertThat(s.listed()).isTrue();
        assertThat(s.reasons()).contains("在严重失信主体名单内");
    }

    @Test
    void the_version_in_force_on_the_day_applies_and_a_later_one_only_from_its_date() {
        List<CreditFact> facts = List.of(penalty(LocalDate.of(2026, 2, 1), "5000"));

        assertThat(CreditGrading.grade(1, facts, false, TABLE, TODAY).grade()).isEqualTo("一般");
        assertThat(CreditGrading.grade(1, facts, false, TABLE, V2).grade()).isEqualTo("较差");
        assertThat(CreditGrading.inForce(TABLE, V2.minusDays(1))).allSatisfy(r -> assertThat(r.effectiveFrom()).isEqualTo(V1));
    }

    @Test
    void before_any_version_starts_a_firm_is_unrated_and_told_why() {
        CreditStanding s = CreditGrading.grade(1, List.of(), false, TABLE, LocalDate.of(2023, 9, 30));

        assertThat(s.grade()).isEqualTo("未评定");
        assertThat(s.reasons()).singleElement().asString().contains("没有适用的信用等级规则");
    }

    @Test
    void conditions_read_as_words() {
        assertThat(TABLE.get(3).conditions()).containsExactly("近 36 个月罚款累计不少于 100000 元");
        assertThat(TABLE.get(5).conditions()).containsExactly("其他所有企业");
    }
}
