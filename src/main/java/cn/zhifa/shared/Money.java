package cn.zhifa.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in 元 with two decimals; reports show it in 万元. */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (yuan == null) {
            throw new IllegalArgumentException("amount is required");
        }
        yuan = yuan.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money yuan(long yuan) {
        return new Money(BigDecimal.valueOf(yuan));
    }

    public static Money yuan(String yuan) {
        return new Money(new BigDecimal(yuan));
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money times(BigDecimal factor) {
        return new Money(yuan.multiply(factor));
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    /** 万元 with the given number of decimals, as reports print it. */
    public BigDecimal inWan(int decimals) {
        return yuan.divide(TEN_THOUSAND, decimals, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    @Override
    public String toString() {
        return yuan.toPlainString() + " 元";
    }
}
