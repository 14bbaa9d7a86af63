package cn.zhifa.law;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display of 元 amounts in this module's explanations. */
final class Money {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private Money() {
    }

    /** E.g. 1亿元, 5000万元, 30万元, 1234.5元. */
    static String yuanText(BigDecimal yuan) {
        if (yuan.signum() != 0 && yuan.remainder(HUNDRED_MILLION).signum() == 0) {
            return plain(yuan.divide(HUNDRED_MILLION)) + "亿元";
        }
        if (yuan.signum() != 0 && yuan.remainder(TEN_THOUSAND).signum() == 0) {
            return plain(yuan.divide(TEN_THOUSAND)) + "万元";
        }
        return plain(yuan.setScale(2, RoundingMode.HALF_UP)) + "元";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
