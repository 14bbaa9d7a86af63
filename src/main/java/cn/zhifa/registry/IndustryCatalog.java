package cn.zhifa.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 门类 and 大类 of GB/T 4754-2017 (国民经济行业分类), loaded from {@code registry/gbt4754-2017.txt}. */
public final class IndustryCatalog {

    private static final Map<String, String> SECTIONS;
    private static final Map<String, Industry> DIVISIONS;

    static {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Industry> divisions = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                IndustryCatalog.class.getResourceAsStream("/registry/gbt4754-2017.txt"), StandardCharsets.UTF_8))) {
            String section = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String code = line.substring(0, line.indexOf(' '));
                String name = line.substring(line.indexOf(' ') + 1).strip();
                if (Character.isLetter(code.charAt(0))) {
                    section = code;
                    sections.put(code, name);
                } else {
                    divisions.put(code, new Industry(section, sections.get(section), code, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SECTIONS = Collections.unmodifiableMap(sections);
        DIVISIONS = Collections.unmodifiableMap(divisions);
    }

    private IndustryCatalog() {
    }

    /** By 大类 code ("26"), or 门类 letter + 大类 ("C26"). */
    public static Optional<Industry> division(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String stripped = code.strip().toUpperCase();
        if (stripped.length() == 3 && Character.isLetter(stripped.charAt(0))) {
            Industry industry = DIVISIONS.get(stripped.substring(1));
            return industry != null && industry.sectionCode().equals(stripped.substring(0, 1))
                    ? Optional.of(industry) : Optional.empty();
        }
        return Optional.ofNullable(DIVISIONS.get(stripped));
    }

    public static Map<String, String> sections() {
        return SECTIONS;
    }

    public static List<Industry> divisions() {
        return new ArrayList<>(DIVISIONS.values());
    }

    public static Optional<String> sectionName(String letter) {
        return Optional.ofNullable(letter == null ? null : SECTIONS.get(letter.toUpperCase()));
    }
}
