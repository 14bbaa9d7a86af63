package cn.zhifa.outreach.web;

import java.util.List;

/** Small helpers of the list pages (blank text, ids, the year picker). */
final class Workbook {


    private Workbook() {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A firm id from a raw parameter, or null when it is not a number. */
    static Long id(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static List<Integer> years(int current) {
        return java.util.stream.IntStream.rangeClosed(0, 4).mapToObj(i -> current - i).toList();
    }
}
