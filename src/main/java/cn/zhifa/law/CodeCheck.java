package cn.zhifa.law;

import java.util.Optional;

/**
 * The result of checking a code: the parsed value when valid, otherwise a reason in Chinese.
 *
 * @param input  the text as given
 * @param value  the parsed value, null when invalid
 * @param reason "" when valid, else why not (Chinese)
 */
public record CodeCheck<T>(String input, T value, String reason) {

    static <T> CodeCheck<T> valid(String input, T value) {
        return new CodeCheck<>(input, value, "");
    }

    static <T> CodeCheck<T> invalid(String input, String reason) {
        return new CodeCheck<>(input, null, reason);
    }

    public boolean valid() {
        return value != null;
    }

    public Optional<T> parsed() {
        return Optional.ofNullable(value);
    }
}
