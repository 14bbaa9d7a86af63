package cn.zhifa.casework;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the discretion engine needs besides the violation: the proposed tier and amount, the reason for an
 * amount outside its tier, the art 32 ground for 减轻, and the figures of percentage or multiple fines; for an
 * accident its figures, the date of the act and the day of the assessment, so the rules in force at the act apply
 * unless the later ones are lighter (行政处罚法第三十七条).
 */
public record DiscretionInput(Tier tier, BigDecimal amountYuan, String reason, String mitigationGround,
                              BigDecimal annualIncomeYuan, BigDecimal illegalGainsYuan, AccidentGrade accidentGrade,
                              boolean aggravated, AccidentFacts accident, LocalDate actOn, LocalDate assessedOn) {

    public DiscretionInput(Tier tier, BigDecimal amountYuan, String reason, String mitigationGround,
                           BigDecimal annualIncomeYuan, BigDecimal illegalGainsYuan, AccidentGrade accidentGrade,
                           boolean aggravated) {
        this(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan, accidentGrade, aggravated,
                null, null, null);
    }

    public static DiscretionInput of(Tier tier, BigDecimal amountYuan) {
        return new DiscretionInput(tier, amountYuan, null, null, null, null, null, false);
    }

    public DiscretionInput withReason(String reason) {
        return new DiscretionInput(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan,
                accidentGrade, aggravated, accident, actOn, assessedOn);
    }

    /** The accident's figures, the date of the act (null: not recorded, today's rules apply) and today. */
    public DiscretionInput withAccident(AccidentFacts accident, LocalDate actOn, LocalDate assessedOn) {
        return new DiscretionInput(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan,
                accidentGrade, aggravated, accident, actOn, assessedOn);
    }
}
