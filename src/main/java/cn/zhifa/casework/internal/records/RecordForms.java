package cn.zhifa.casework.internal.records;

import cn.zhifa.casework.RecordInput;
import cn.zhifa.casework.internal.records.RecordParts.Person;
import cn.zhifa.law.IdNumber;
import cn.zhifa.shared.RuleViolation;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reading what an officer entered for a record: required fields, times, the person, the answers and items (Chinese refusals). */
public final class RecordForms {

    private RecordForms() {
    }

    public static String required(RecordInput in, String field, String label) {
        String value = in.field(field);
        if (value == null) throw new RuleViolation("请填写" + label + "。");
        return value;
    }

    public static LocalDateTime dateTime(RecordInput in, String field, String label) {
        String value = required(in, field, label);
        try {
            return LocalDateTime.parse(value.length() == 16 ? value + ":00" : value).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            throw new RuleViolation(label + "格式不正确（应为 年-月-日 时:分）。");
        }
    }

    public static Long userId(RecordInput in, String field) {
        String value = in.field(field);
        if (value == null) return null;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RuleViolation("执法人员选择有误，请重新选择。");
        }
    }

    /** 被询问人: name, gender, ID number (checked by law's {@link IdNumber}), phone, workplace, position, relation. */
    public static Person person(RecordInput in, String label) {
        String name = required(in, "personName", label + "姓名");
        String gender = in.field("gender");
        if (gender != null && !gender.equals("男") && !gender.equals("女")) throw new RuleViolation(label + "性别应为“男”或“女”。");
        String id = in.field("idNumber");
        if (id == null) throw new RuleViolation("请填写" + label + "身份证号码。");
        IdNumber number = idNumber(id, label);
        String phone = in.field("phone");
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) throw new RuleViolation(label + "联系电话格式不正确。");
        return new Person(name, gender, number.value(), phone, in.field("workUnit"), in.field("position"), in.field("relation"));
    }

    public static IdNumber idNumber(String text, String label) {
        var check = IdNumber.parse(text);
        if (!check.valid()) throw new RuleViolation(label + "身份证号码有误：" + check.reason() + "。");
        return check.value();
    }

    public static List<RecordInput.QuestionAnswer> answers(RecordInput in) {
        List<RecordInput.QuestionAnswer> out = new ArrayList<>();
        int n = 1;
        for (RecordInput.QuestionAnswer qa : in.answers()) {
            boolean q = !blank(qa.question()), a = !blank(qa.answer());
            if (!q && !a) continue;
            if (!q || !a) throw new RuleViolation("第" + n + "组问答" + (q ? "缺少回答" : "缺少问题") + "，请补全或删除该行。");
            out.add(new RecordInput.QuestionAnswer(qa.question().strip(), qa.answer().strip()));
            n++;
        }
        if (out.isEmpty()) throw new RuleViolation("请至少记录一组问答。");
        return out;
    }

    public static List<RecordInput.Item> items(RecordInput in) {
        List<RecordInput.Item> out = new ArrayList<>();
        int n = 1;
        for (RecordInput.Item item : in.items()) {
            if (blank(item.name()) && blank(item.quantity()) && blank(item.spec())) continue;
            if (blank(item.name())) throw new RuleViolation("第" + n + "项证据缺少名称。");
            if (blank(item.quantity())) throw new RuleViolation("第" + n + "项证据（" + item.name().strip() + "）缺少数量。");
            out.add(new RecordInput.Item(item.name().strip(), strip(item.spec()), item.quantity().strip(), strip(item.location())));
            n++;
        }
        if (out.isEmpty()) throw new RuleViolation("请至少登记一项先行登记保存的证据。");
        return out;
    }

    public static String transcript(List<RecordInput.QuestionAnswer> answers) {
        return answers.stream().map(qa -> "问：" + qa.question() + "\n答：" + qa.answer()).collect(Collectors.joining("\n"));
    }

    public static List<String> lines(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static String detail(String details, String key) {
        if (details == null) return null;
        return Arrays.stream(details.split("\n")).filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElse(null);
    }

    public static String details(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null || pairs[i + 1].isBlank()) continue;
            if (!out.isEmpty()) out.append('\n');
            out.append(pairs[i]).append('=').append(pairs[i + 1].replace('\n', ' '));
        }
        return out.isEmpty() ? null : out.toString();
    }

    public static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public static String strip(String text) {
        return blank(text) ? null : text.strip();
    }

    public static String or(String text, String fallback) {
        return blank(text) ? fallback : text;
    }
}
