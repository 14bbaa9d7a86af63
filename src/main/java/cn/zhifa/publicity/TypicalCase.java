package cn.zhifa.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A 典型案例 as the public reads it: the published decision (personal data masked) and the lesson drawn from it. */
public record TypicalCase(String decisionNumber, String partyName, String partyKind, String violation, String penalty,
                          BigDecimal fineYuan, String authority, LocalDate decidedOn, String lesson, LocalDate approvedOn) {
}
