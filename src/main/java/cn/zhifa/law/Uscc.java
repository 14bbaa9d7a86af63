package cn.zhifa.law;

import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9A-Y} without I, O, S, V, Z:
 * registration authority, category, 6-digit administrative division, 9-character organisation code
 * and a check character.
 */
public record Uscc(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        Objects.requireNonNull(value, "value");
        CodeCheck<Uscc> check = check(value);
        if (!check.reason().isEmpty()) {
            throw new IllegalArgumentException(check.reason());
        }
    }

    /** Parses {@code text} (surrounding blanks ignored, letters must be upper case as printed on licences). */
    public static CodeCheck<Uscc> parse(String text) {
        CodeCheck<Uscc> check = check(text);
        return check.reason().isEmpty() ? CodeCheck.valid(text, new Uscc(text.strip())) : check;
    }

    private static CodeCheck<Uscc> check(String text) {
        if (text == null || text.isBlank()) {
            return CodeCheck.invalid(text, "统一社会信用代码不能为空");
        }
        String code = text.strip();
        if (code.length() != 18) {
            return CodeCheck.invalid(text, "统一社会信用代码应为18位，实际为" + code.length() + "位");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = code.charAt(i);
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                if (Character.isLowerCase(c)) {
                    return CodeCheck.invalid(text, "第" + (i + 1) + "位字符“" + c + "”应为大写字母");
                }
                return CodeCheck.invalid(text, "第" + (i + 1) + "位字符“" + c + "”不在统一社会信用代码字符集内"
                        + "（数字0-9及除I、O、S、V、Z以外的大写字母）");
            }
            sum += value * WEIGHTS[i];
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return CodeCheck.invalid(text, "第3至8位应为登记管理机关行政区划码（数字），第" + (i + 1) + "位为“"
                        + code.charAt(i) + "”");
            }
        }
        char expected = ALPHABET.charAt((31 - sum % 31) % 31);
        char actual = code.charAt(17);
        if (ALPHABET.indexOf(actual) < 0) {
            return CodeCheck.invalid(text, "第18位校验码“" + actual + "”不在统一社会信用代码字符集内");
        }
        if (actual != expected) {
            return CodeCheck.invalid(text, "校验码错误：按GB 32100计算第18位应为“" + expected + "”，实际为“" + actual + "”");
        }
        return CodeCheck.valid(text, null);
    }

    /** Characters 3–8: the registration authority's administrative division code. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** Characters 9–17: the organisation code (组织机构代码 body and its check). */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
