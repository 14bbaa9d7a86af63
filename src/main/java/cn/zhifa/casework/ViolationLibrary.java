package cn.zhifa.casework;

import cn.zhifa.law.PenaltyArticle;
import cn.zhifa.law.PenaltyArticles;
import cn.zhifa.shared.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The violation library, seeded from law's penalty articles of 安全生产法 (93–114): one row per article,
 * party and condition that carries a fine.
 */
public final class ViolationLibrary {

    private final Map<String, Violation> byCode = new LinkedHashMap<>();
    private final PenaltyArticles articles;

    public ViolationLibrary(PenaltyArticles articles) {
        this.articles = articles;
        for (PenaltyArticle article : articles.all()) {
            int row = 1;
            for (PenaltyArticle.Fine fine : article.fines()) {
                if (fine.kind() == PenaltyArticle.FineKind.DAILY_CONTINUOUS) {
                    row++;
                    continue;
                }
                String code = article.number() + "-" + row++;
                byCode.put(code, new Violation(code, article.number(), article.title(), article.violation(),
                        fine.condition(), fine.party(), fine.kind(), fine.min(), fine.max(), article.otherMeasures()));
            }
        }
    }

    public static ViolationLibrary bundled() {
        return new ViolationLibrary(PenaltyArticles.bundled());
    }

    public List<Violation> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Violation> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Violation get(String code) {
        return find(code).orElseThrow(() -> new RuleViolation("违法行为库中没有编号为“" + code + "”的条目。"));
    }

    /** The provision the violation breaches, where its penalty article punishes one duty (law's configuration). */
    public Optional<String> violatedProvision(Violation violation) {
        return articles.violatedProvision(violation.article());
    }

    /** The rows of one penalty article, e.g. 102 for a hazard not eliminated. */
    public List<Violation> ofArticle(int article) {
        List<Violation> rows = new ArrayList<>();
        byCode.values().stream().filter(v -> v.article() == article).forEach(rows::add);
        return rows;
    }
}
