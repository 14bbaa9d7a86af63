package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received (罚款及加处罚款). {@code organizationId} is the case's, given by {@link PenaltyCase#keyChildren} before each save (none before). */
public record Payment(LocalDate paidOn, BigDecimal amountYuan, @JsonIgnore Long organizationId) {

    public Payment(LocalDate paidOn, BigDecimal amountYuan) {
        this(paidOn, amountYuan, null);
    }

    Payment keyed(long organizationId) {
        return new Payment(paidOn, amountYuan, organizationId);
    }
}
