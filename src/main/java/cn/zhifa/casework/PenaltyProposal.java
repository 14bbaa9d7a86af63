package cn.zhifa.casework;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;

/**
 * 案件处理呈批: the violation (a library row), the tier and amount, the written reason for an amount outside its
 * tier, the art 32 ground for 减轻, other penalty kinds, and the figures of percentage or multiple fines.
 */
public record PenaltyProposal(String violationCode, Tier tier, BigDecimal amountYuan, String reason,
                              String mitigationGround, String otherMeasures, boolean complex,
                              BigDecimal annualIncomeYuan, BigDecimal illegalGainsYuan, boolean aggravated) {

    DiscretionInput toInput(AccidentGrade grade) {
        return new DiscretionInput(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan, grade,
                aggravated);
    }
}
