package cn.zhifa.casework;

import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.FineRange;
import cn.zhifa.law.LighterLaw;
import cn.zhifa.law.PenaltyArticle;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 裁量 for fines: legal range of the violation (amounts, percentages of income, multiples of gains, art 114 by
 * accident grade with the 2–5 × aggravation), the tier's share of it from configuration, a suggested amount,
 * and the rules: outside the legal range is refused; 减轻 below the minimum only on an art 32 ground; outside
 * the tier only with a written reason, and then 法制审核 is mandatory.
 */
public final class DiscretionEngine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CaseworkRules.Discretion rules;
    private final AccidentFines accidentFines;

    public DiscretionEngine(CaseworkRules rules, AccidentFines accidentFines) {
        this.rules = Objects.requireNonNull(rules).discretion();
        this.accidentFines = Objects.requireNonNull(accidentFines);
    }

    public static DiscretionEngine bundled() {
        return new DiscretionEngine(CaseworkRules.bundled(), AccidentFines.bundled());
    }

    public CaseworkRules.Discretion rules() {
        return rules;
    }

    /** The statutory range of {@code violation} for the given figures; refused when a needed figure is missing. */
    public FineRange legalRange(Violation violation, DiscretionInput input) {
        BigDecimal min = violation.min();
        BigDecimal max = violation.max();
        return switch (violation.fineKind()) {
            case AMOUNT -> {
                if (violation.article() == 114 && input.accidentGrade() != null) {
                    yield accidentRange(input);
                }
                yield new FineRange(yuan(min), yuan(max), violation.articleTitle(), violation.label());
            }
            case INCOME_PERCENT -> {
                BigDecimal income = require(input.annualIncomeYuan(), "上一年年收入");
                yield new FineRange(percentOf(income, min), percentOf(income, max), violation.articleTitle(),
                        "上一年年收入" + plain(income) + "元的" + plain(min) + "%至" + plain(max) + "%");
            }
            case GAINS_MULTIPLE -> {
                BigDecimal gains = require(input.illegalGainsYuan(), "违法所得");
                yield new FineRange(yuan(gains.multiply(min)), yuan(gains.multiply(max)), violation.articleTitle(),
                        "违法所得" + plain(gains) + "元的" + plain(min) + "倍至" + plain(max) + "倍");
            }
            case AMOUNT_MULTIPLE -> {
                if (input.accidentGrade() == null) {
                    throw new IllegalArgumentException("请先确定事故等级");
                }
                yield accidentFines.unit(input.accidentGrade(), true);
            }
            case DAILY_CONTINUOUS -> throw new IllegalArgumentException("按日连续处罚不适用裁量阶次");
        };
    }

    /**
     * Art 114 by grade; with the accident's figures and day the sub-range of 《生产安全事故罚款处罚规定》 in force at the act,
     * or the one in force today where it is lighter (从旧兼从轻, 行政处罚法第三十七条). The aggravated multiple stays on the
     * grade's range (安全生产法第一百一十四条第二款).
     */
    private FineRange accidentRange(DiscretionInput input) {
        if (input.aggravated() || input.accident() == null || input.assessedOn() == null) {
            return accidentFines.unit(input.accidentGrade(), input.aggravated());
        }
        AccidentFacts a = input.accident();
        FineRange today = accidentFines.unitOn(input.accidentGrade(), a.deaths(), a.seriousInjuries(), a.directLossYuan(),
                input.assessedOn());
        if (input.actOn() == null) {
            return today;
        }
        FineRange atAct = accidentFines.unitOn(input.accidentGrade(), a.deaths(), a.seriousInjuries(), a.directLossYuan(),
                input.actOn());
        return LighterLaw.applicable(atAct, today);
    }

    /** The range of {@code tier} inside {@code legal}; 减轻 lies below the minimum, 不予处罚 is zero. */
    public FineRange tierRange(FineRange legal, Tier tier) {
        if (tier == Tier.NONE) {
            return new FineRange(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), rules.source(), "不予处罚");
        }
        if (tier == Tier.MITIGATED) {
            BigDecimal floor = percentOf(legal.minYuan(), rules.mitigatedMinPercentOfMinimum());
            return new FineRange(floor, legal.minYuan(), rules.source(), "低于法定最低限额" + plain(legal.minYuan()) + "元（减轻处罚）");
        }
        CaseworkRules.Share share = rules.tiers().get(tier);
        BigDecimal span = legal.maxYuan().subtract(legal.minYuan());
        BigDecimal from = yuan(legal.minYuan().add(span.multiply(share.fromPercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP)));
        BigDecimal to = yuan(legal.minYuan().add(span.multiply(share.toPercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP)));
        return new FineRange(from, to, rules.source(), tier.label() + "：法定幅度的" + plain(share.fromPercent()) + "%至"
                + plain(share.toPercent()) + "%");
    }

    /** The middle of the tier's range, rounded to the configured step and kept inside the range. */
    public BigDecimal suggested(FineRange tierRange) {
        BigDecimal middle = tierRange.minYuan().add(tierRange.maxYuan()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        BigDecimal step = rules.roundingYuan();
        BigDecimal rounded = middle.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        if (rounded.compareTo(tierRange.minYuan()) < 0 || rounded.compareTo(tierRange.maxYuan()) > 0) {
            rounded = middle;
        }
        return yuan(rounded);
    }

    public DiscretionAssessment assess(Violation violation, DiscretionInput input) {
        Tier tier = input.tier() == null ? Tier.GENERAL : input.tier();
        FineRange legal = legalRange(violation, input);
        FineRange tierRange = tierRange(legal, tier);
        BigDecimal suggested = suggested(tierRange);
        List<String> notes = new ArrayList<>();
        notes.add("法定幅度：" + plain(legal.minYuan()) + "元至" + plain(legal.maxYuan()) + "元（" + legal.explanation() + "）");
        notes.add(tier.label() + "阶次：" + plain(tierRange.minYuan()) + "元至" + plain(tierRange.maxYuan()) + "元，建议"
                + plain(suggested) + "元");
        BigDecimal amount = input.amountYuan() == null ? null : yuan(input.amountYuan());
        if (amount == null) {
            return new DiscretionAssessment(violation, tier, legal, tierRange, suggested, null, false,
                    Verdict.refuse("请填写拟罚款金额。"), notes, rules.source());
        }
        boolean outsideTier = !tierRange.contains(amount);
        Verdict verdict = verdict(violation, tier, legal, tierRange, amount, outsideTier, input);
        if (outsideTier && verdict.allowed()) {
            notes.add("拟罚款不在" + tier.label() + "阶次范围内，已说明理由，须经法制审核。");
        }
        return new DiscretionAssessment(violation, tier, legal, tierRange, suggested, amount, outsideTier, verdict, notes,
                rules.source());
    }

    private Verdict verdict(Violation violation, Tier tier, FineRange legal, FineRange tierRange, BigDecimal amount,
                            boolean outsideTier, DiscretionInput input) {
        if (amount.signum() < 0) {
            return Verdict.refuse("罚款金额不能为负数。");
        }
        if (tier == Tier.NONE) {
            return Verdict.refuse("不予处罚请使用“不予处罚”决定并注明法定依据，不能以罚款呈批。");
        }
        if (amount.compareTo(legal.maxYuan()) > 0) {
            return Verdict.refuse("拟罚款" + plain(amount) + "元超出法定幅度上限" + plain(legal.maxYuan()) + "元（"
                    + legal.basis() + "），不得作出。");
        }
        if (tier == Tier.MITIGATED) {
            if (legal.minYuan().signum() == 0) {
                return Verdict.refuse(violation.articleTitle() + "该项罚款没有法定最低限额，不适用减轻处罚，请选择从轻处罚。");
            }
            if (input.mitigationGround() == null || input.mitigationGround().isBlank()) {
                return Verdict.refuse("减轻处罚须有行政处罚法第三十二条规定的法定情形，请选择减轻处罚的依据。");
            }
            if (amount.compareTo(legal.minYuan()) >= 0) {
                return Verdict.refuse("减轻处罚的罚款应低于法定最低限额" + plain(legal.minYuan()) + "元；不低于的请选择从轻或一般阶次。");
            }
        } else if (amount.compareTo(legal.minYuan()) < 0) {
            return Verdict.refuse("拟罚款" + plain(amount) + "元低于法定幅度下限" + plain(legal.minYuan()) + "元（"
                    + legal.basis() + "）；如有法定减轻情形，请选择“减轻处罚”并注明依据。");
        }
        if (outsideTier && (input.reason() == null || input.reason().isBlank())) {
            return Verdict.refuse("拟罚款" + plain(amount) + "元不在" + tier.label() + "阶次（" + plain(tierRange.minYuan())
                    + "元至" + plain(tierRange.maxYuan()) + "元）内，须书面说明理由，并将提交法制审核。");
        }
        return Verdict.allow();
    }

    private static BigDecimal require(BigDecimal value, String what) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("请填写" + what + "（元）");
        }
        return value;
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
