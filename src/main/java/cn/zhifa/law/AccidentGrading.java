package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.LawProperties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grades an accident from its deaths, serious injuries (incl. acute industrial poisoning) and direct
 * economic loss. Each grade's lower bounds come from configuration; "以上" includes the bound, "以下"
 * excludes it, and the most severe criterion decides.
 */
public final class AccidentGrading {

    private final LawProperties.AccidentGrading rules;

    public AccidentGrading(LawProperties.AccidentGrading rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        for (AccidentGrade grade : List.of(AccidentGrade.LARGER, AccidentGrade.MAJOR, AccidentGrade.EXTRAORDINARY)) {
            if (!rules.thresholds().containsKey(grade)) {
                throw new IllegalStateException("accident grading threshold " + grade + " is not configured");
            }
        }
    }

    public static AccidentGrading bundled() {
        return new AccidentGrading(BundledLawData.properties().accidentGrading());
    }

    public AccidentGrade grade(int deaths, int seriousInjuries, BigDecimal directLossYuan) {
        return assess(deaths, seriousInjuries, directLossYuan).grade();
    }

    public AccidentAssessment assess(int deaths, int seriousInjuries, BigDecimal directLossYuan) {
        if (deaths < 0 || seriousInjuries < 0) {
            throw new IllegalArgumentException("死亡、重伤人数不能为负数");
        }
        Objects.requireNonNull(directLossYuan, "directLossYuan");
        if (directLossYuan.signum() < 0) {
            throw new IllegalArgumentException("直接经济损失不能为负数");
        }
        List<AccidentGrade> severeFirst = List.of(AccidentGrade.EXTRAORDINARY, AccidentGrade.MAJOR, AccidentGrade.LARGER);
        for (AccidentGrade grade : severeFirst) {
            LawProperties.Threshold bound = rules.thresholds().get(grade);
            List<String> reached = new ArrayList<>();
            if (deaths >= bound.deaths()) {
                reached.add("死亡" + deaths + "人（" + bound.deaths() + "人以上）");
            }
            if (seriousInjuries >= bound.seriousInjuries()) {
                reached.add("重伤（含急性工业中毒）" + seriousInjuries + "人（" + bound.seriousInjuries() + "人以上）");
            }
            if (directLossYuan.compareTo(bound.directLossYuan()) >= 0) {
                reached.add("直接经济损失" + Money.yuanText(directLossYuan) + "（" + Money.yuanText(bound.directLossYuan()) + "以上）");
            }
            if (!reached.isEmpty()) {
                return new AccidentAssessment(grade, String.join("，", reached) + "，达到" + grade.label()
                        + "标准；各项标准按最严重的一项定级。", rules.source());
            }
        }
        LawProperties.Threshold larger = rules.thresholds().get(AccidentGrade.LARGER);
        return new AccidentAssessment(AccidentGrade.GENERAL, "死亡" + deaths + "人、重伤" + seriousInjuries
                + "人、直接经济损失" + Money.yuanText(directLossYuan) + "，均低于较大事故标准（" + larger.deaths()
                + "人、" + larger.seriousInjuries() + "人、" + Money.yuanText(larger.directLossYuan())
                + "），为一般事故。", rules.source());
    }
}
