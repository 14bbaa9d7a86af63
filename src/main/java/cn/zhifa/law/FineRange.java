package cn.zhifa.law;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fine range in 元 (2 decimals) with its legal basis.
 *
 * @param explanation plain Chinese: how the range was derived
 */
public record FineRange(BigDecimal minYuan, BigDecimal maxYuan, String basis, String explanation) {

    public FineRange {
        Objects.requireNonNull(minYuan, "minYuan");
        Objects.requireNonNull(maxYuan, "maxYuan");
        if (minYuan.compareTo(maxYuan) > 0) {
            throw new IllegalArgumentException("min " + minYuan + " > max " + maxYuan);
        }
    }

    public boolean contains(BigDecimal amount) {
        return amount.compareTo(minYuan) >= 0 && amount.compareTo(maxYuan) <= 0;
    }
}
