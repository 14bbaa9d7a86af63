package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.LawProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Fines for a production-safety accident under 安全生产法: the responsible unit (art 114, and its
 * para 2 multiple for especially serious cases), the principal leader (art 95, a percentage of last
 * year's income by grade) and the principal who fled or concealed the accident (art 110).
 */
public final class AccidentFines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LawProperties.AccidentFines rules;

    public AccidentFines(LawProperties.AccidentFines rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        for (AccidentGrade grade : AccidentGrade.values()) {
            if (!rules.unit().ranges().containsKey(grade) || !rules.principal().percentOfAnnualIncome().containsKey(grade)) {
                throw new IllegalStateException("accident fines for " + grade + " are not configured");
            }
        }
    }

    public static AccidentFines bundled() {
        return new AccidentFines(BundledLawData.properties().accidentFines());
    }

    /** The responsible unit's fine range for {@code grade}; {@code aggravated}: 情节特别严重、影响特别恶劣. */
    public FineRange unit(AccidentGrade grade, boolean aggravated) {
        LawProperties.Range range = rules.unit().ranges().get(grade);
        if (!aggravated) {
            return new FineRange(yuan(range.minYuan()), yuan(range.maxYuan()), rules.unit().source(),
                    "发生" + grade.label() + "的，对负有责任的生产经营单位处" + Money.yuanText(range.minYuan()) + "以上"
                            + Money.yuanText(range.maxYuan()) + "以下的罚款。");
        }
        LawProperties.Aggravated multiple = rules.aggravated();
        BigDecimal min = yuan(range.minYuan().multiply(multiple.minMultiple()));
        BigDecimal max = yuan(range.maxYuan().multiply(multiple.maxMultiple()));
        return new FineRange(min, max, multiple.source(),
                grade.label() + "情节特别严重、影响特别恶劣的，按照" + Money.yuanText(range.minYuan()) + "至"
                        + Money.yuanText(range.maxYuan()) + "的" + plain(multiple.minMultiple()) + "倍以上"
                        + plain(multiple.maxMultiple()) + "倍以下处罚，即" + Money.yuanText(min) + "至"
                        + Money.yuanText(max) + "。");
    }

    /**
     * The responsible unit's range for an accident in force on {@code on}: from the effective date of
     * 《生产安全事故罚款处罚规定》(应急管理部令第14号) the sub-range its deaths, serious injuries or direct loss reach inside the
     * grade (the highest band any one figure reaches); before it the grade's whole range of 安全生产法第一百一十四条.
     */
    public FineRange unitOn(AccidentGrade grade, int deaths, int seriousInjuries, BigDecimal directLossYuan, LocalDate on) {
        LawProperties.UnitByCircumstance byCircumstance = rules.unitByCircumstance();
        if (byCircumstance == null || on.isBefore(byCircumstance.effectiveFrom())
                || !byCircumstance.bands().containsKey(grade)) {
            return unit(grade, false);
        }
        BigDecimal loss = directLossYuan == null ? BigDecimal.ZERO : directLossYuan;
        List<LawProperties.Band> bands = byCircumstance.bands().get(grade);
        LawProperties.Band band = bands.get(0);
        for (LawProperties.Band b : bands) {
            if (deaths >= b.deathsFrom() && b.deathsFrom() > 0 || seriousInjuries >= b.seriousInjuriesFrom() && b.seriousInjuriesFrom() > 0
                    || loss.compareTo(b.directLossYuanFrom()) >= 0 && b.directLossYuanFrom().signum() > 0) {
                band = b;
            }
        }
        return new FineRange(yuan(band.minYuan()), yuan(band.maxYuan()), byCircumstance.source(),
                "发生" + grade.label() + "，" + band.circumstance() + "的，对负有责任的生产经营单位处"
                        + Money.yuanText(band.minYuan()) + "以上" + Money.yuanText(band.maxYuan()) + "以下的罚款。");
    }

    /** The source of the sub-ranges when it is not confirmed (for the administrator's law page), else empty. */
    public java.util.Optional<String> unconfirmedSubRanges() {
        LawProperties.UnitByCircumstance byCircumstance = rules.unitByCircumstance();
        return byCircumstance == null || byCircumstance.confirmed() ? java.util.Optional.empty()
                : java.util.Optional.of("事故罚款分档（" + byCircumstance.source() + "，自" + byCircumstance.effectiveFrom()
                + "起适用）：各档金额尚未与公布文本核对");
    }

    /** The principal leader's fine under art 95: the grade's percentage of last year's income (min = max). */
    public FineRange principal(AccidentGrade grade, BigDecimal annualIncomeYuan) {
        requireIncome(annualIncomeYuan);
        BigDecimal percent = rules.principal().percentOfAnnualIncome().get(grade);
        BigDecimal fine = percentOf(annualIncomeYuan, percent);
        return new FineRange(fine, fine, rules.principal().source(),
                "发生" + grade.label() + "的，对主要负责人处上一年年收入百分之" + plain(percent) + "的罚款："
                        + Money.yuanText(annualIncomeYuan) + " × " + plain(percent) + "% = " + Money.yuanText(fine) + "。");
    }

    /** The principal leader who fled, or concealed, lied about or delayed reporting the accident (art 110). */
    public FineRange principalFledOrConcealed(BigDecimal annualIncomeYuan) {
        requireIncome(annualIncomeYuan);
        LawProperties.PrincipalFledOrConcealed rule = rules.principalFledOrConcealed();
        BigDecimal min = percentOf(annualIncomeYuan, rule.minPercent());
        BigDecimal max = percentOf(annualIncomeYuan, rule.maxPercent());
        return new FineRange(min, max, rule.source(),
                "主要负责人逃匿或者对事故隐瞒不报、谎报、迟报的，处上一年年收入百分之" + plain(rule.minPercent())
                        + "至百分之" + plain(rule.maxPercent()) + "的罚款：" + Money.yuanText(min) + "至"
                        + Money.yuanText(max) + "。");
    }

    private static void requireIncome(BigDecimal annualIncomeYuan) {
        Objects.requireNonNull(annualIncomeYuan, "annualIncomeYuan");
        if (annualIncomeYuan.signum() < 0) {
            throw new IllegalArgumentException("上一年年收入不能为负数");
        }
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
