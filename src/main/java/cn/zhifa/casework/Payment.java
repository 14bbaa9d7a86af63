package cn.zhifa.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received (罚款及加处罚款). */
public record Payment(LocalDate paidOn, BigDecimal amountYuan) {
}
