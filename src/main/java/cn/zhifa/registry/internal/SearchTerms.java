package cn.zhifa.registry.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Search tokens of an enterprise name without any database extension: every bigram of the name (so a
 * 2-character Chinese search hits a GIN index; pg_trgm would need 3) and '#'-prefixed bigrams of its pinyin
 * initials ("华兴化工" → hxhg → #hx #xh #hg). Longer queries intersect their bigrams, then the exact
 * substring is checked; one-character queries fall back to LIKE.
 */
public final class SearchTerms {

    private static final String[] SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "厂"};

    private SearchTerms() {
    }

    /** The name as searched: without blanks, full-width brackets turned half-width, letters lower case. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            out.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                default -> Character.toLowerCase(c);
            });
        }
        return out.toString();
    }

    /** Lower-case pinyin initials; letters and digits are kept, punctuation dropped. */
    public static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    out.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(c);
            if (pinyin != null && pinyin.length > 0 && !pinyin[0].isEmpty()) {
                out.append(pinyin[0].charAt(0));
            }
        }
        return out.length() > 100 ? out.substring(0, 100) : out.toString();
    }

    /** The stored tokens of a name. */
    public static String[] grams(String name) {
        Set<String> grams = new LinkedHashSet<>();
        String normalized = normalize(name);
        for (int i = 0; i + 2 <= normalized.length(); i++) {
            grams.add(normalized.substring(i, i + 2));
        }
        String initials = initials(name);
        for (int i = 0; i + 2 <= initials.length(); i++) {
            grams.add("#" + initials.substring(i, i + 2));
        }
        return grams.toArray(String[]::new);
    }

    /** True when the keyword should be matched against the pinyin initials (only ASCII letters). */
    public static boolean looksLikeInitials(String keyword) {
        return !keyword.isEmpty() && keyword.chars().allMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** The tokens a keyword must all have (empty when it is too short for the index). */
    public static String[] queryGrams(String keyword) {
        String normalized = normalize(keyword);
        boolean initials = looksLikeInitials(normalized);
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= normalized.length(); i++) {
            grams.add((initials ? "#" : "") + normalized.substring(i, i + 2));
        }
        return grams.toArray(String[]::new);
    }

    /** Key for near-duplicate detection: the normalized name without legal-form suffixes and brackets. */
    public static String nameKey(String name) {
        String key = normalize(name).replace("(", "").replace(")", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (key.endsWith(suffix) && key.length() > suffix.length()) {
                    key = key.substring(0, key.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return key.toLowerCase(Locale.ROOT);
    }
}
