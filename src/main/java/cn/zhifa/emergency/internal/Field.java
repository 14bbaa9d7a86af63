package cn.zhifa.emergency.internal;

import java.util.List;

/**
 * One column of a register as the form, the list and the export show it. {@code name} is the column and the form's
 * parameter; {@code options} the Chinese choices of a {@link Type#CHOICE}.
 */
public record Field(String name, String label, Type type, boolean required, int maxLength, List<String> options,
                    boolean listed) {

    public enum Type {
        /** one line of text */ TEXT,
        /** several lines */ AREA,
        DATE,
        /** a whole number above zero */ COUNT,
        /** a number of at least zero, two decimals */ AMOUNT,
        CHOICE,
        /** a phone number: personal data, sealed at rest, masked in lists and exports */ PHONE,
        /** an 应急预案 of the caller's scope */ PLAN,
        /** a firm of the caller's scope, named by its 统一社会信用代码 */ FIRM
    }

    public Field {
        options = List.copyOf(options);
    }

    static Field text(String name, String label, int maxLength, boolean required) {
        return new Field(name, label, Type.TEXT, required, maxLength, List.of(), true);
    }

    static Field area(String name, String label) {
        return new Field(name, label, Type.AREA, false, 2000, List.of(), false);
    }

    static Field date(String name, String label, boolean required) {
        return new Field(name, label, Type.DATE, required, 10, List.of(), true);
    }

    static Field count(String name, String label) {
        return new Field(name, label, Type.COUNT, true, 9, List.of(), true);
    }

    static Field amount(String name, String label) {
        return new Field(name, label, Type.AMOUNT, true, 15, List.of(), true);
    }

    static Field choice(String name, String label, String... options) {
        return new Field(name, label, Type.CHOICE, true, 40, List.of(options), true);
    }

    static Field phone(String name, String label) {
        return new Field(name, label, Type.PHONE, true, 20, List.of(), true);
    }

    Field hidden() {
        return new Field(name, label, type, required, maxLength, options, false);
    }

    public boolean multiline() {
        return type == Type.AREA;
    }
}
