package cn.zhifa.organization;

import cn.zhifa.shared.Verdict;
import java.util.Set;

/**
 * 行政区划代码 (GB/T 2260, 6 digits; township level 9 or 12 digits as in the statistical division codes).
 * Checks form and hierarchy: a province code ends in 0000, a city code in 00, a county code does
 * not; a child's code starts with its parent's prefix.
 */
public final class DivisionCode {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private DivisionCode() {
    }

    public static Verdict check(String code, OrganizationKind kind, String parentCode, OrganizationKind parentKind) {
        if (code == null || code.isBlank()) {
            return kind.requiresDivisionCode()
                    ? Verdict.refuse(kind.label() + "单位必须填写行政区划代码。")
                    : Verdict.allow();
        }
        if (!code.chars().allMatch(Character::isDigit)) {
            return Verdict.refuse("行政区划代码只能由数字组成。");
        }
        if (!PROVINCES.contains(code.substring(0, Math.min(2, code.length())))) {
            return Verdict.refuse("行政区划代码前两位“" + code.substring(0, Math.min(2, code.length())) + "”不是有效的省级代码。");
        }
        Verdict form = switch (kind) {
            case PROVINCE -> code.length() == 6 && code.endsWith("0000") ? Verdict.allow()
                    : Verdict.refuse("省级行政区划代码应为 6 位且以 0000 结尾。");
            case CITY -> code.length() == 6 && code.endsWith("00") && !code.endsWith("0000") ? Verdict.allow()
                    : Verdict.refuse("市级行政区划代码应为 6 位且以 00 结尾。");
            case DISTRICT -> code.length() == 6 && !code.endsWith("00") ? Verdict.allow()
                    : Verdict.refuse("区（县）级行政区划代码应为 6 位，且末两位不为 00。");
            case TOWNSHIP -> (code.length() == 9 || code.length() == 12) ? Verdict.allow()
                    : Verdict.refuse("街道（乡镇）行政区划代码应为 9 位或 12 位。");
            default -> Set.of(6, 9, 12).contains(code.length()) ? Verdict.allow()
                    : Verdict.refuse("行政区划代码应为 6、9 或 12 位数字。");
        };
        if (form.refused() || parentCode == null || parentCode.isBlank()) {
            return form;
        }
        String prefix = switch (parentKind) {
            case PROVINCE -> parentCode.substring(0, 2);
            case CITY -> parentCode.substring(0, 4);
            default -> parentCode.substring(0, Math.min(6, parentCode.length()));
        };
        return code.startsWith(prefix) ? Verdict.allow()
                : Verdict.refuse("行政区划代码 " + code + " 不属于上级单位的区划 " + parentCode + "。");
    }
}
