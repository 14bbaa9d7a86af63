package cn.zhifa.casework;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;

/**
 * What the discretion engine needs besides the violation: the proposed tier and amount, the reason for an
 * amount outside its tier, the art 32 ground for 减轻, and the figures of percentage or multiple fines.
 */
public record DiscretionInput(Tier tier, BigDecimal amountYuan, String reason, String mitigationGround,
                              BigDecimal annualIncomeYuan, BigDecimal illegalGainsYuan, AccidentGrade accidentGrade,
                              boolean aggravated) {

    public static DiscretionInput of(Tier tier, BigDecimal amountYuan) {
        return new DiscretionInput(tier, amountYuan, null, null, null, null, null, false);
    }

    public DiscretionInput withReason(String reason) {
        return new DiscretionInput(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan,
                accidentGrade, aggravated);
    }
}
