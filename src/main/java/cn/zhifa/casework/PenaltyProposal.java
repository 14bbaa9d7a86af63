package cn.zhifa.casework;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;

/**
 * 案件处理呈批: the violation (a library row), the tier and amount, the written reason for an amount outside its
 * tier, the art 32 ground for 减轻, other penalty kinds, and the figures of percentage or multiple fines; the
 * provision breached as the documents cite it (e.g. "《中华人民共和国安全生产法》第二十八条第一款"), when the
 * penalty article covers several duties; illegal gains are confiscated (行政处罚法第二十八条第二款).
 */
public record PenaltyProposal(String violationCode, Tier tier, BigDecimal amountYuan, String reason,
                              String mitigationGround, String otherMeasures, boolean complex,
                              BigDecimal annualIncomeYuan, BigDecimal illegalGainsYuan, boolean aggravated,
                              String violatedProvision) {

    DiscretionInput toInput(AccidentGrade grade) {
        return new DiscretionInput(tier, amountYuan, reason, mitigationGround, annualIncomeYuan, illegalGainsYuan, grade,
                aggravated);
    }
}
