package cn.zhifa.casework;

import cn.zhifa.law.FineRange;
import cn.zhifa.shared.Verdict;
import java.math.BigDecimal;
import java.util.List;

/**
 * The discretion engine's answer for a proposed fine: the legal range, the tier's range, a suggested amount,
 * whether the amount lies outside its tier (then a written reason is needed and 法制审核 is forced), and the
 * verdict (refused when outside the legal range or a required reason or ground is missing).
 */
public record DiscretionAssessment(Violation violation, Tier tier, FineRange legalRange, FineRange tierRange,
                                   BigDecimal suggestedYuan, BigDecimal amountYuan, boolean outsideTier, Verdict verdict,
                                   List<String> notes, String basis) {

    public DiscretionAssessment {
        notes = List.copyOf(notes);
    }
}
