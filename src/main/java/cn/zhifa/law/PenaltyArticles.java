package cn.zhifa.law;

import cn.zhifa.law.internal.BundledLawData;
import cn.zhifa.law.internal.LawProperties;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Read access to the penalty articles of 安全生产法 (arts 93–114) configured in {@code law/legal-rules.yml}. */
public final class PenaltyArticles {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final String law;
    private final Map<Integer, PenaltyArticle> articles = new TreeMap<>();
    private final Map<Integer, String> violates = new TreeMap<>();

    public PenaltyArticles(LawProperties.PenaltyArticles rules) {
        this.law = rules.law();
        for (LawProperties.Article article : rules.articles()) {
            List<PenaltyArticle.Fine> fines = article.fines().stream()
                    .map(f -> f.kind() == PenaltyArticle.FineKind.AMOUNT
                            ? new PenaltyArticle.Fine(f.party(), f.condition(), f.kind(), f.minYuan(), f.maxYuan())
                            : new PenaltyArticle.Fine(f.party(), f.condition(), f.kind(), f.min(), f.max()))
                    .toList();
            articles.put(article.number(), new PenaltyArticle(article.number(), law + articleName(article.number()),
                    article.violation(), fines, article.otherMeasures(), rules.effectiveFrom()));
            if (article.violates() != null && !article.violates().isBlank()) {
                violates.put(article.number(), article.violates().strip());
            }
        }
    }

    public static PenaltyArticles bundled() {
        return new PenaltyArticles(BundledLawData.properties().penaltyArticles());
    }

    public Optional<PenaltyArticle> article(int number) {
        return Optional.ofNullable(articles.get(number));
    }

    /**
     * The provision whose breach article {@code number} punishes, when the article covers exactly one (e.g. 102 →
     * "《中华人民共和国安全生产法》第四十一条第二款"); empty where it lists several duties and the case must name its own.
     */
    public Optional<String> violatedProvision(int number) {
        return Optional.ofNullable(violates.get(number));
    }

    /** All configured articles in article order. */
    public List<PenaltyArticle> all() {
        return List.copyOf(articles.values());
    }

    /** E.g. 114 → "第一百一十四条", 97 → "第九十七条". */
    public static String articleName(int number) {
        return "第" + chineseNumber(number) + "条";
    }

    static String chineseNumber(int n) {
        if (n <= 0 || n >= 1000) {
            throw new IllegalArgumentException("article number out of range: " + n);
        }
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int units = n % 10;
        StringBuilder text = new StringBuilder();
        if (hundreds > 0) {
            text.append(DIGITS[hundreds]).append("百");
            if (tens == 0 && units > 0) {
                text.append("零");
            }
        }
        if (tens > 0) {
            if (!(hundreds == 0 && tens == 1)) {
                text.append(DIGITS[tens]);
            }
            text.append("十");
        }
        if (units > 0) {
            text.append(DIGITS[units]);
        }
        return text.toString();
    }
}
