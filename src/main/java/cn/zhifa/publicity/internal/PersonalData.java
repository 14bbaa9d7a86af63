package cn.zhifa.publicity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks natural persons' personal data for public pages and exports: 居民身份证号 (first 6 and last 4 kept), mobile
 * phone numbers (first 3 and last 4 kept), fixed-line numbers, and a known home address (only the first 6 characters
 * kept, e.g. the district).
 */
public final class PersonalData {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern FIXED_LINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)(\\d{3,4})(\\d{4})(?!\\d)");
    private static final int ADDRESS_KEPT = 6;

    private PersonalData() {
    }

    /** The text with ID numbers and phone numbers masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll(m -> m.group(1) + "********" + m.group(3));
        masked = MOBILE.matcher(masked).replaceAll(m -> m.group(1) + "****" + m.group(3));
        Matcher fixed = FIXED_LINE.matcher(masked);
        return fixed.replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "*".repeat(m.group(2).length()) + m.group(3));
    }

    /** The text masked, and the person's address (when known) cut to its first characters wherever it appears. */
    public static String mask(String text, String address) {
        String masked = mask(text);
        if (masked == null || address == null || address.isBlank()) {
            return masked;
        }
        return masked.replace(address.strip(), maskAddress(address));
    }

    public static String maskAddress(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String a = address.strip();
        return a.length() <= ADDRESS_KEPT ? a.substring(0, Math.min(2, a.length())) + "****" : a.substring(0, ADDRESS_KEPT) + "****";
    }

    /** An ID number (or other code) masked: first 6 and last 4 kept. */
    public static String maskCode(String code) {
        if (code == null || code.length() < 10) {
            return code == null ? null : "****";
        }
        return code.substring(0, 6) + "*".repeat(code.length() - 10) + code.substring(code.length() - 4);
    }
}
