package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A past decision for the same violation in the jurisdiction (同案同罚 reference), with its 案由. */
public record SimilarCase(long id, String caseNumber, String partyName, String organizationName, Tier tier,
                          BigDecimal fineYuan, LocalDate decidedOn, String title) {
}
