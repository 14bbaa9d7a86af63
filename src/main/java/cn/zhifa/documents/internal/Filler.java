package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.Officer;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.internal.Template.Field;
import cn.zhifa.documents.internal.Template.FieldKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Resolves placeholders of one template against one document's content. Text is split into segments so the
 * renderers can underline filled-in values as on the printed forms; a value that is missing prints as a blank line.
 */
final class Filler {

    /** A run of fixed wording ({@code value == false}) or a filled-in value; {@code checkbox} runs are option marks. */
    record Segment(String text, boolean value, Boolean checked) {
        static Segment fixed(String t) { return new Segment(t, false, null); }
        static Segment value(String t) { return new Segment(t, true, null); }
        static Segment box(boolean checked) { return new Segment(checked ? "☑" : "☐", false, checked); }
        boolean blank() { return value && text == null; }
    }

    static final String BLANK = "\u3000\u3000\u3000\u3000";

    private final Template template;
    private final DocumentContent content;

    Filler(Template template, DocumentContent content) {
        this.template = template;
        this.content = content;
    }

    List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = TemplateCatalog.PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(Segment.fixed(text.substring(last, m.start())));
            String ref = m.group(1).strip();
            String modifier = m.group(2) == null ? null : m.group(2).strip();
            var field = template.field(ref);
            if (field.isPresent() && field.get().kind() == FieldKind.CHECKBOX) {
                out.addAll(checkboxes(field.get()));
            } else {
                out.add(Segment.value(display(ref, modifier)));
            }
            last = m.end();
        }
        if (last < text.length()) out.add(Segment.fixed(text.substring(last)));
        return out;
    }

    /** Plain text with values filled in (blanks as full-width spaces), for DOCX and tests. */
    String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments(text)) sb.append(s.text() == null ? BLANK : s.text());
        return sb.toString();
    }

    List<Segment> checkboxes(Field f) {
        Object v = content.fields().get(f.name());
        Collection<?> ticked = v instanceof Collection<?> c ? c : v == null ? List.of() : List.of(v);
        List<Segment> out = new ArrayList<>();
        for (String option : f.options()) {
            String chosen = null;
            for (Object t : ticked) {
                String s = String.valueOf(t);
                if (s.equals(option) || s.startsWith(option + "：")) chosen = s;
            }
            if (!out.isEmpty()) out.add(Segment.fixed("　"));
            out.add(Segment.box(chosen != null));
            out.add(Segment.fixed(chosen != null ? chosen : option));
        }
        return out;
    }

    /** The printed text of a reference, or null when nothing is there. */
    String display(String ref, String modifier) {
        Object v = raw(ref);
        if (v == null) return null;
        if (v instanceof String s) return s.isBlank() ? null : s;
        if (v instanceof BigDecimal b) {
            return "upper".equals(modifier) ? ChineseAmount.of(b) : b.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元";
        }
        if (v instanceof LocalDateTime t) return dateTime(t);
        if (v instanceof LocalDate d) return date(d);
        if (v instanceof List<?> l) {
            if (l.isEmpty()) return null;
            List<String> items = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) items.add((i + 1) + ". " + l.get(i));
            return String.join("；", items);
        }
        if (v instanceof TemporalAccessor) return v.toString();
        return String.valueOf(v);
    }

    Object raw(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) return content.fields().get(ref);
        String head = ref.substring(0, dot), attr = ref.substring(dot + 1);
        switch (head) {
            case "authority":
                return content.authority() == null ? null : content.authority().attribute(attr);
            case "document":
                return switch (attr) {
                    case "number" -> content.number() == null ? null : content.number().text();
                    case "date" -> content.date();
                    case "year" -> content.date() == null ? null : String.valueOf(content.date().getYear());
                    default -> null;
                };
            case "officer1":
            case "officer2":
                int i = head.charAt(7) - '1';
                if (content.officers().size() <= i) return null;
                Officer o = content.officers().get(i);
                return attr.equals("name") ? o.name() : o.certificateNo();
            default:
                Party p = content.parties().get(head);
                return p == null ? null : p.attribute(attr);
        }
    }

    List<String> listItems(String field) {
        Object v = content.fields().get(field);
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    List<List<String>> tableRows(String field) {
        Object v = content.fields().get(field);
        if (!(v instanceof List<?> l)) return List.of();
        List<List<String>> rows = new ArrayList<>();
        for (Object r : l) rows.add(r instanceof List<?> cells ? cells.stream().map(c -> c == null ? "" : String.valueOf(c)).toList() : List.of(String.valueOf(r)));
        return rows;
    }

    /** The label a cell shows: its own, else the field's, else the party attribute's usual label. */
    String label(Template.Cell c) {
        if (c.label() != null) return c.label();
        var f = template.field(c.ref());
        if (f.isPresent()) return f.get().label();
        int dot = c.ref().indexOf('.');
        String head = dot < 0 ? c.ref() : c.ref().substring(0, dot), attr = dot < 0 ? "" : c.ref().substring(dot + 1);
        if (head.startsWith("officer")) return attr.equals("name") ? "执法人员" : "证号";
        var role = template.partyRole(head);
        return switch (attr) {
            case "name" -> role.map(Template.PartyRole::label).orElse("名称");
            case "creditCode" -> "统一社会信用代码";
            case "legalRepresentative" -> "法定代表人（负责人）";
            case "position" -> "职务";
            case "idNumber" -> "身份证号";
            case "gender" -> "性别";
            case "age" -> "年龄";
            case "workUnit" -> "工作单位";
            case "address" -> "地址";
            case "postcode" -> "邮政编码";
            case "phone" -> "联系电话";
            default -> attr;
        };
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String dateTime(LocalDateTime t) {
        return date(t.toLocalDate()) + t.getHour() + "时" + String.format("%02d", t.getMinute()) + "分";
    }

    /** The date under seals and signatures: the document date, or blank 年 月 日 for a draft. */
    String documentDate() {
        return content.date() == null ? "　　年　　月　　日" : date(content.date());
    }
}
