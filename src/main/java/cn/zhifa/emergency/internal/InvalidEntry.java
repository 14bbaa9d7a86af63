package cn.zhifa.emergency.internal;

import java.util.Map;

/** A register form that cannot be saved: the Chinese message per field (column name), nothing written. */
public class InvalidEntry extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidEntry(Map<String, String> errors) {
        super(String.join("；", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
