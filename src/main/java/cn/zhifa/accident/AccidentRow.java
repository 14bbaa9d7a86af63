package cn.zhifa.accident;

import cn.zhifa.law.AccidentGrade;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One accident in a list. */
public record AccidentRow(long id, String title, String enterpriseName, String organizationName, LocalDateTime occurredAt,
                          AccidentKind kind, String kindLabel, AccidentGrade grade, String gradeLabel, int deaths,
                          int seriousInjuries, int missing, BigDecimal directLossYuan, AccidentStatus status,
                          String statusLabel, boolean supervised, boolean typical) {
}
