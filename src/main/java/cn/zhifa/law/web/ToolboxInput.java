package cn.zhifa.law.web;

import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.LegalCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the toolbox's text parameters, refusing bad input with a Chinese message. */
final class ToolboxInput {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private ToolboxInput() {
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ToolboxInputException("缺少参数 " + name);
        }
        return value.strip();
    }

    static LocalDate date(String name, String value) {
        String text = required(name, value);
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ToolboxInputException("参数 " + name + " 应为 YYYY-MM-DD 格式的有效日期，收到“" + text + "”");
        }
        if (date.getYear() < 1950 || date.getYear() > 2200) {
            throw new ToolboxInputException("参数 " + name + " 的年份应在1950至2200之间");
        }
        return date;
    }

    static int dayCount(String name, String value) {
        return count(name, value, LegalCalendar.MAX_SPAN_DAYS);
    }

    static int count(String name, String value, int max) {
        String text = required(name, value);
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ToolboxInputException("参数 " + name + " 应为非负整数，收到“" + text + "”");
        }
        if (number < 0) {
            throw new ToolboxInputException("参数 " + name + " 不能为负数");
        }
        if (number > max) {
            throw new ToolboxInputException("参数 " + name + " 不能大于 " + max);
        }
        return number;
    }

    static BigDecimal amount(String name, String value) {
        String text = required(name, value);
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ToolboxInputException("参数 " + name + " 应为以元为单位的数额，收到“" + text + "”");
        }
        if (amount.signum() < 0) {
            throw new ToolboxInputException("参数 " + name + " 不能为负数");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new ToolboxInputException("参数 " + name + " 超出可计算范围");
        }
        return amount;
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> throw new ToolboxInputException("参数 " + name + " 应为 true 或 false，收到“" + value.strip() + "”");
        };
    }

    static AccidentGrade grade(String value) {
        String text = required("grade", value);
        try {
            return AccidentGrade.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ToolboxInputException("未知的事故等级“" + text + "”，应为 "
                    + Arrays.stream(AccidentGrade.values()).map(Enum::name).collect(Collectors.joining("、")));
        }
    }

    enum Party { UNIT, PRINCIPAL }

    static Party party(String value) {
        String text = required("party", value);
        try {
            return Party.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ToolboxInputException("未知的处罚对象“" + text + "”，应为 UNIT（生产经营单位）或 PRINCIPAL（主要负责人）");
        }
    }
}
