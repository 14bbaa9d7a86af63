package cn.zhifa.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A published 行政处罚决定 as the public portal shows it: natural persons' ID numbers, phones and addresses masked.
 *
 * @param partyKind 法人及非法人组织 / 自然人
 * @param uscc      the unit's 统一社会信用代码, or the person's masked ID number
 */
public record PublicPenalty(String decisionNumber, String partyName, String partyKind, String uscc, String violation,
                            String basis, String penalty, BigDecimal fineYuan, String authority, LocalDate decidedOn,
                            LocalDate publishedOn, LocalDate expiresOn) {
}
