package cn.zhifa.documents;

/**
 * A paragraph whose wording an authority may adjust in 文书设置: the override key (kept off the page's text), the
 * document's Chinese title (or 各文书通用段落 for a shared block), a Chinese label (the paragraph's first words) and
 * the standard text.
 */
public record WordingChoice(String key, String document, String label, String text) {

    /** The label of a paragraph: its first words, placeholders shown as ……. */
    public static String label(String text) {
        String plain = text.replaceAll("\\{[^}]*}", "……").replaceAll("\\s+", "");
        return plain.length() > 24 ? plain.substring(0, 24).replaceAll("[，、；：。…]+$", "") + "……" : plain;
    }
}
