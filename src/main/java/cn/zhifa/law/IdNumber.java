package cn.zhifa.law;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/** 公民身份号码 (GB 11643-1999): 17 digits (6 address, 8 birth date, 3 sequence) and a check character. */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public IdNumber {
        Objects.requireNonNull(value, "value");
        String reason = reasonInvalid(value);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
    }

    /** Parses {@code text}; a lower-case x as check character is accepted and stored as X. */
    public static CodeCheck<IdNumber> parse(String text) {
        String reason = reasonInvalid(text);
        return reason == null ? CodeCheck.valid(text, new IdNumber(normalize(text))) : CodeCheck.invalid(text, reason);
    }

    private static String normalize(String text) {
        return text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String reasonInvalid(String text) {
        if (text == null || text.isBlank()) {
            return "身份证号码不能为空";
        }
        String number = normalize(text);
        if (number.length() != 18) {
            return "身份证号码应为18位，实际为" + number.length() + "位";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
                return "第" + (i + 1) + "位应为数字，实际为“" + number.charAt(i) + "”";
            }
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return "第18位校验码应为数字或X，实际为“" + last + "”";
        }
        String birth = number.substring(6, 14);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(birth.substring(0, 4)), Integer.parseInt(birth.substring(4, 6)),
                    Integer.parseInt(birth.substring(6, 8)));
        } catch (DateTimeException e) {
            return "第7至14位出生日期“" + birth + "”不是真实的日期";
        }
        if (birthDate.isBefore(EARLIEST_BIRTH)) {
            return "第7至14位出生日期“" + birth + "”早于1900年";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        char expected = CHECK.charAt(sum % 11);
        if (last != expected) {
            return "校验码错误：按GB 11643计算第18位应为“" + expected + "”，实际为“" + last + "”";
        }
        return null;
    }

    /** The birth date in digits 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** Masked for public pages and exports: first 6 and last 4 kept, e.g. 110105********002X. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
