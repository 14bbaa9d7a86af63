package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One line of the 查封/扣押清单: the object, its specification, quantity and where it is kept.
 *
 * @param measureNumber the number of the {@link CoerciveMeasure} on its case (1, 2, …)
 */
public record SeizedObject(int measureNumber, String name, String spec, String quantity, String location,
                           @JsonIgnore Long organizationId) {

    public SeizedObject(int measureNumber, String name, String spec, String quantity, String location) {
        this(measureNumber, name, spec, quantity, location, null);
    }

    SeizedObject keyed(long organizationId) {
        return new SeizedObject(measureNumber, name, spec, quantity, location, organizationId);
    }

    /** A line of the list before it belongs to a measure. */
    public static SeizedObject of(String name, String spec, String quantity, String location) {
        return new SeizedObject(0, name, spec, quantity, location);
    }

    SeizedObject numbered(int number) {
        return new SeizedObject(number, name.strip(), blankToNull(spec), quantity.strip(), blankToNull(location));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
