package cn.zhifa.supervision.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 效能考评 settings (local practice, not law): how many units of a group receive the 流动红旗 each quarter, and how
 * many stand on the 红榜 and on the 黑榜.
 */
@ConfigurationProperties("zhifa.supervision.ranking")
public record RankingRules(@DefaultValue("1") int redFlags, @DefaultValue("3") int listSize) {
}
