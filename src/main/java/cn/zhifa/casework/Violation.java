package cn.zhifa.casework;

import cn.zhifa.law.PenaltyArticle;
import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the violation library (违法行为库): the violation, the article violated, the penalty article
 * and the fine for one party under one condition, with the other kinds of penalty.
 *
 * @param code e.g. "102-1": penalty article and row
 */
public record Violation(String code, int article, String articleTitle, String description, String condition,
                        PenaltyArticle.Party party, PenaltyArticle.FineKind fineKind, BigDecimal min, BigDecimal max,
                        List<String> otherMeasures) {

    public PartyKind partyKind() {
        return party == PenaltyArticle.Party.UNIT ? PartyKind.UNIT : PartyKind.PERSON;
    }

    /** E.g. "《中华人民共和国安全生产法》第一百零二条（责令立即消除或者限期消除：生产经营单位 5万元以下）". */
    public String label() {
        return articleTitle + "（" + new PenaltyArticle.Fine(party, condition, fineKind, min, max).describe() + "）";
    }
}
