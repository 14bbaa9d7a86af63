package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A part of the fine due on a day (one row for the whole fine unless deferral or instalments were approved). */
public record Instalment(LocalDate dueOn, BigDecimal amountYuan) {
}
