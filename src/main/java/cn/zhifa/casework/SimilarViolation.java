package cn.zhifa.casework;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether two 案由 describe the same violation: they share most of their two-character words (Chinese bigrams),
 * ignoring the words every 案由 shares ("安全", "生产", "未按规定" …). "未设置安全警示标志" and "未在有较大危险因素的场所设置安全警示
 * 标志" are the same violation; "特种作业人员未持证上岗" and "未如实记录安全生产教育和培训情况" are not, though both fall under
 * 安全生产法第九十七条.
 */
final class SimilarViolation {

    private static final Set<String> COMMON = Set.of("安全", "全生", "生产", "未按", "按规", "规定", "按照", "照规", "有关",
            "相关", "要求", "进行", "未对", "未经", "违反");
    private static final double SHARED = 0.5;

    private SimilarViolation() {
    }

    static boolean same(String title, String other) {
        if (title == null || other == null) {
            return false;
        }
        Set<String> a = bigrams(title);
        Set<String> b = bigrams(other);
        if (a.isEmpty() || b.isEmpty()) {
            return title.strip().equals(other.strip());
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return shared.size() >= SHARED * Math.min(a.size(), b.size());
    }

    private static Set<String> bigrams(String text) {
        String letters = text.replaceAll("[\\p{Punct}\\s（）：；，。、“”]", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= letters.length(); i++) {
            String gram = letters.substring(i, i + 2);
            if (!COMMON.contains(gram)) {
                grams.add(gram);
            }
        }
        return grams;
    }
}
