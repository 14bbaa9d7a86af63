package cn.zhifa.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in Chinese capital numerals (金额大写), e.g. 50000.00 → 伍万元整, 1234.50 → 壹仟贰佰叁拾肆元伍角. */
final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {}

    static String of(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        if (a.signum() < 0) return "负" + of(a.negate());
        long yuan = a.longValue();
        int fen = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        StringBuilder sb = new StringBuilder();
        if (yuan == 0) {
            if (fen == 0) return "零元整";
        } else {
            sb.append(integer(yuan)).append('元');
        }
        int jiao = fen / 10, f = fen % 10;
        if (fen == 0) return sb.append('整').toString();
        if (jiao > 0) sb.append(DIGITS.charAt(jiao)).append('角');
        else if (yuan > 0) sb.append('零');
        if (f > 0) sb.append(DIGITS.charAt(f)).append('分');
        return sb.toString();
    }

    private static String integer(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean needZero = false;
        while (n > 0) {
            int part = (int) (n % 10000);
            if (part > 0) {
                String s = fourDigits(part) + GROUPS[group];
                if (needZero) s = s + "零";
                out.insert(0, s);
                needZero = part < 1000;
            } else if (out.length() > 0) {
                needZero = true;
            }
            n /= 10000;
            group++;
        }
        String s = out.toString();
        if (s.startsWith("零")) s = s.substring(1);
        return s.replaceAll("零+", "零").replaceAll("零(万|亿|元)", "$1");
    }

    private static String fourDigits(int n) {
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = (n / (int) Math.pow(10, i)) % 10;
            if (d == 0) {
                if (sb.length() > 0) zero = true;
            } else {
                if (zero) sb.append('零');
                zero = false;
                sb.append(DIGITS.charAt(d)).append(UNITS[i]);
            }
        }
        return sb.toString();
    }
}
