package cn.zhifa.training.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 逢查必考 numbers from {@code zhifa.training.spot-quiz} (application.yml): how many questions the officer may draw
 * (5–10 by default, {@code defaultCount} unless he chooses), the pass mark out of 100, and the legal basis of the
 * finding a score below it becomes (安全生产法第二十八条, 安全生产教育和培训). The counts and pass mark are local practice.
 */
@ConfigurationProperties("zhifa.training.spot-quiz")
public record SpotQuizRules(int minCount, int maxCount, int defaultCount, BigDecimal passMark, String findingTitle,
                            String findingBasis, String source) {

    public SpotQuizRules {
        minCount = minCount < 1 ? 5 : minCount;
        maxCount = maxCount < minCount ? Math.max(10, minCount) : maxCount;
        defaultCount = defaultCount < minCount || defaultCount > maxCount ? minCount : defaultCount;
        passMark = passMark == null ? new BigDecimal("60") : passMark;
        findingTitle = findingTitle == null ? "安全生产教育和培训不到位" : findingTitle;
        findingBasis = findingBasis == null ? "《中华人民共和国安全生产法》第二十八条" : findingBasis;
    }
}
