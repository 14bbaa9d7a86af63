package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A part of the fine due on a day (one row for the whole fine unless deferral or instalments were approved). {@code organizationId} is the case's, given by {@link PenaltyCase#keyChildren} before each save (none before).
 */
public record Instalment(LocalDate dueOn, BigDecimal amountYuan, @JsonIgnore Long organizationId) {

    public Instalment(LocalDate dueOn, BigDecimal amountYuan) {
        this(dueOn, amountYuan, null);
    }

    Instalment keyed(long organizationId) {
        return new Instalment(dueOn, amountYuan, organizationId);
    }
}
