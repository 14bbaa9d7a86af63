package cn.zhifa.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When 法制审核 (行政处罚法第五十八条) and 集体讨论 (第五十七条) are mandatory, from configuration: a fine at or
 * above the line, a configured kind of penalty (停产停业, 吊销 …), a complex case, an amount outside its tier.
 * The hearing trigger is added when the hearing is held.
 */
public final class LegalReviewTriggers {

    private final CaseworkRules rules;

    public LegalReviewTriggers(CaseworkRules rules) {
        this.rules = rules;
    }

    /** The reasons why legal review is required; empty when it is not. */
    public List<String> legalReviewReasons(PartyKind party, BigDecimal fineYuan, String otherMeasures, boolean complex,
                                           boolean outsideTier) {
        CaseworkRules.Threshold line = rules.legalReview();
        List<String> reasons = new ArrayList<>();
        if (line.reachedBy(party, fineYuan)) {
            reasons.add("罚款达到" + DiscretionEngine.plain(line.line(party)) + "元以上（" + line.source() + "）");
        }
        line.measureIn(otherMeasures).ifPresent(m -> reasons.add("拟" + m));
        if (complex) {
            reasons.add("案情疑难复杂");
        }
        if (outsideTier) {
            reasons.add("罚款不在裁量阶次范围内");
        }
        return reasons;
    }

    public boolean collectiveDiscussionRequired(PartyKind party, BigDecimal fineYuan, String otherMeasures, boolean complex) {
        return complex || rules.collectiveDiscussion().reachedBy(party, fineYuan)
                || rules.legalReview().measureIn(otherMeasures).isPresent();
    }

    /** 听证 right by the kind of penalty (行政处罚法第六十三条): 停产停业, 吊销, 关闭 … (the amount line is law's). */
    public boolean hearingRightByMeasure(String otherMeasures) {
        return rules.legalReview().measureIn(otherMeasures).isPresent();
    }
}
